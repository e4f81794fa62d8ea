package org.idva.insights.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The tokens of a UTF-8 XML part, read straight from its bytes: start tags (with their attributes),
 * end tags, text, CDATA, comments and processing instructions, each available as the raw bytes it
 * was written with until the next token is read. Nothing is decoded unless asked for, so copying a
 * token costs one array copy. It checks no more of the XML than it needs to find the tokens: it is
 * used only on parts an XML parser has already read.
 */
final class XmlBytes {
  static final int EOF = 0;
  static final int START = 1;
  static final int END = 2;
  static final int TEXT = 3;
  static final int CDATA = 4;
  static final int COMMENT = 5;
  static final int PI = 6;
  static final int DOCTYPE = 7;

  private static final int MAX_ATTRIBUTES = 64;

  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int limit;
  private boolean eof;

  /** The current token: its kind and its bytes, {@code buf[start, end)}. */
  private int kind;

  private int start;
  private int end;
  private int nameStart;
  private int nameEnd;
  private boolean empty;

  /** Per attribute: name start, name end, value start, value end (the value without quotes). */
  private int[] attributes = new int[4 * 8];

  private int attributeCount;

  XmlBytes(InputStream in) {
    this.in = in;
  }

  /** Reads the next token and returns its kind. */
  int next() throws IOException {
    start = end;
    attributeCount = 0;
    empty = false;
    if (!available(start)) {
      return kind = EOF;
    }
    if (buf[start] != '<') {
      // Text is handed out in pieces (up to the end of what is buffered) rather than held whole.
      byte[] b = buf;
      int i = start;
      int lim = limit;
      while (i < lim && b[i] != '<') {
        i++;
      }
      end = i;
      return kind = TEXT;
    }
    if (!available(start + 1)) {
      throw new IOException("the part ends inside a tag");
    }
    byte b = buf[start + 1];
    if (b == '/') {
      end = find(start + 2, '>') + 1;
      nameStart = start + 2;
      nameEnd = nameEnd(nameStart, end - 1);
      return kind = END;
    }
    if (b == '?') {
      end = findPair(start + 2, '?', '>') + 2;
      return kind = PI;
    }
    if (b == '!') {
      if (startsWith(start, "<!--")) {
        end = findEnd(start + 4, "-->");
        return kind = COMMENT;
      }
      if (startsWith(start, "<![CDATA[")) {
        end = findEnd(start + 9, "]]>");
        return kind = CDATA;
      }
      end = start + 2;
      return kind = DOCTYPE;
    }
    end = endOfStartTag(start + 1) + 1;
    nameStart = start + 1;
    nameEnd = nameEnd(nameStart, end - 1);
    empty = buf[end - 2] == '/';
    attributes(nameEnd, empty ? end - 2 : end - 1);
    return kind = START;
  }

  /** Whether the current start tag closes itself ({@code <x/>}). */
  boolean isEmpty() {
    return empty;
  }

  /**
   * Whether the current start tag is spelled as the copy writes one ({@link #copyAttributeTo}): its
   * name, then per attribute one space, the name, {@code ="}, the value (no {@code <} in it) and
   * {@code "}, then {@code >} or {@code />}.
   */
  boolean startTagAsCopied() {
    byte[] b = buf;
    int[] a = attributes;
    int i = nameEnd;
    for (int n = 0; n < attributeCount; n++) {
      if (b[i] != ' ' || a[4 * n] != i + 1) {
        return false;
      }
      i = a[4 * n + 1];
      if (b[i] != '=' || b[i + 1] != '"' || a[4 * n + 2] != i + 2) {
        return false;
      }
      for (int j = a[4 * n + 2]; j < a[4 * n + 3]; j++) {
        if (b[j] == '<') {
          return false;
        }
      }
      i = a[4 * n + 3];
      if (b[i] != '"') {
        return false;
      }
      i++;
    }
    return empty ? b[i] == '/' && i + 2 == end : i + 1 == end;
  }

  /** Whether the current tag's name, without any prefix, is {@code local}. */
  boolean localNameIs(byte[] local) {
    return regionIs(localStart(nameStart, nameEnd), nameEnd, local);
  }

  /** Whether the current tag's name has no prefix and is {@code name}. */
  boolean nameIs(String name) {
    return regionIs(nameStart, nameEnd, name);
  }

  /** Writes the current token as it was read. */
  void copyTo(ByteOut out) throws IOException {
    out.write(buf, start, end - start);
  }

  /** The raw bytes of the current tag's name. */
  byte[] name() {
    return Arrays.copyOfRange(buf, nameStart, nameEnd);
  }

  /** The raw bytes of the current token. */
  byte[] token() {
    return Arrays.copyOfRange(buf, start, end);
  }

  int attributeCount() {
    return attributeCount;
  }

  /**
   * The first attribute whose name without prefix is {@code local}, or -1; a namespace declaration
   * is not an attribute.
   */
  int attribute(byte[] local) {
    int[] a = attributes;
    for (int i = 0; i < attributeCount; i++) {
      int ns = a[4 * i];
      int ne = a[4 * i + 1];
      int ls = localStart(ns, ne);
      boolean declaration = ls > ns && regionIs(ns, ls, XMLNS_PREFIX);
      if (!declaration && regionIs(ls, ne, local)) {
        return i;
      }
    }
    return -1;
  }

  private static final byte[] XMLNS_PREFIX = ascii("xmlns:");

  /** Whether attribute {@code i}'s name is {@code name} exactly (so: no prefix). */
  boolean attributeNameIs(int i, byte[] name) {
    return regionIs(attributes[4 * i], attributes[4 * i + 1], name);
  }

  /** Writes attribute {@code i} as it was read, with one space before it: {@code name="value"}. */
  void copyAttributeTo(int i, ByteOut out) throws IOException {
    out.write(' ');
    out.write(buf, attributes[4 * i], attributes[4 * i + 1] - attributes[4 * i]);
    out.write('=');
    out.write('"');
    copyValueTo(i, out);
    out.write('"');
  }

  /** Writes attribute {@code i}'s value as it was read (escaped), for a double-quoted value. */
  void copyValueTo(int i, ByteOut out) throws IOException {
    if (valueHasQuote(i)) {
      out.write(valueBytes(i));
    } else {
      out.write(buf, attributes[4 * i + 2], attributes[4 * i + 3] - attributes[4 * i + 2]);
    }
  }

  /** The buffer the current token's bytes are in; valid until the next token is read. */
  byte[] buffer() {
    return buf;
  }

  /** Where attribute {@code i}'s value (as written, without quotes) starts in the buffer. */
  int valueStart(int i) {
    return attributes[4 * i + 2];
  }

  /** Where attribute {@code i}'s value ends in the buffer. */
  int valueEnd(int i) {
    return attributes[4 * i + 3];
  }

  /** Attribute {@code i}'s value as it may be written between double quotes (still escaped). */
  byte[] valueBytes(int i) {
    int vs = attributes[4 * i + 2];
    int ve = attributes[4 * i + 3];
    if (valueHasQuote(i)) {
      // A value in single quotes may hold a double quote.
      String quoted = new String(buf, vs, ve - vs, StandardCharsets.UTF_8);
      return quoted.replace("\"", "&quot;").getBytes(StandardCharsets.UTF_8);
    }
    return Arrays.copyOfRange(buf, vs, ve);
  }

  /** Whether attribute {@code i}'s value holds a double quote (it was single-quoted). */
  boolean valueHasQuote(int i) {
    for (int j = attributes[4 * i + 2]; j < attributes[4 * i + 3]; j++) {
      if (buf[j] == '"') {
        return true;
      }
    }
    return false;
  }

  /** Whether attribute {@code i}'s value holds an entity or character reference. */
  boolean valueHasReference(int i) {
    for (int j = attributes[4 * i + 2]; j < attributes[4 * i + 3]; j++) {
      if (buf[j] == '&') {
        return true;
      }
    }
    return false;
  }

  /** Attribute {@code i}'s value, decoded. */
  String value(int i) {
    int vs = attributes[4 * i + 2];
    String raw = new String(buf, vs, attributes[4 * i + 3] - vs, StandardCharsets.UTF_8);
    return XmlText.decodeAttribute(raw);
  }

  /** Whether attribute {@code i}'s value, decoded, is {@code s} (ASCII). */
  boolean valueIs(int i, String s) {
    if (valueHasReference(i)) {
      return value(i).equals(s);
    }
    return regionIs(attributes[4 * i + 2], attributes[4 * i + 3], s);
  }

  /**
   * Attribute {@code i}'s value as a cell reference's 0-based column (its letters), or -1 when it
   * has no letters; the same as {@code CheckedSheet.columnOf} on the decoded value.
   */
  int columnOfValue(int i) {
    if (valueHasReference(i)) {
      return CheckedSheet.columnOf(value(i));
    }
    int c = 0;
    for (int j = attributes[4 * i + 2]; j < attributes[4 * i + 3]; j++) {
      byte ch = buf[j];
      if (ch >= 'A' && ch <= 'Z') {
        c = c * 26 + (ch - 'A' + 1);
      } else if (ch >= 'a' && ch <= 'z') {
        c = c * 26 + (ch - 'a' + 1);
      } else {
        break;
      }
    }
    return c - 1;
  }

  /** Attribute {@code i}'s value as a decimal int, as {@link Integer#parseInt} would read it. */
  int intValue(int i) {
    int vs = attributes[4 * i + 2];
    int ve = attributes[4 * i + 3];
    if (ve - vs > 0 && ve - vs <= 9) {
      int n = 0;
      boolean digits = true;
      for (int j = vs; j < ve && digits; j++) {
        digits = buf[j] >= '0' && buf[j] <= '9';
        n = n * 10 + (buf[j] - '0');
      }
      if (digits) {
        return n;
      }
    }
    return Integer.parseInt(value(i));
  }

  /**
   * Whether attribute {@code i}'s value is already as {@code Integer.toString} writes a positive
   * int of up to 8 digits: see {@code CheckedSheet.isCanonicalStyle}.
   */
  boolean valueIsCanonicalStyle(int i) {
    int vs = attributes[4 * i + 2];
    int ve = attributes[4 * i + 3];
    if (ve == vs || ve - vs > 8 || buf[vs] == '0') {
      return false;
    }
    for (int j = vs; j < ve; j++) {
      if (buf[j] < '0' || buf[j] > '9') {
        return false;
      }
    }
    return true;
  }

  /** The current text or CDATA token's content, decoded (CDATA as it is). */
  String text() {
    if (kind == CDATA) {
      return new String(buf, start + 9, end - start - 12, StandardCharsets.UTF_8);
    }
    return XmlText.decodeText(new String(buf, start, end - start, StandardCharsets.UTF_8));
  }

  /** Skips the rest of the element whose start tag is the current token, up to its end tag. */
  void skipElement() throws IOException {
    if (empty) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      int k = next();
      if (k == START && !empty) {
        depth++;
      } else if (k == END) {
        depth--;
      } else if (k == EOF) {
        throw new IOException("the part ends inside an element");
      }
    }
  }

  /** Where the bytes after the current token start in {@link #buffer()}. */
  int tokenEnd() {
    return end;
  }

  /** Where the buffered bytes end in {@link #buffer()}. */
  int bufferEnd() {
    return limit;
  }

  /**
   * Buffers more of the part, keeping the current token's bytes and those after it; false at the
   * end of the part. The buffered bytes may move: indexes into the buffer taken before (the current
   * tag's name and attributes, {@link #tokenEnd}) no longer hold.
   */
  boolean bufferMore() throws IOException {
    return available(limit);
  }

  /** Goes on from index {@code i} of {@link #buffer()}: the next token is read from there. */
  void resumeAt(int i) {
    end = i;
  }

  /**
   * What is left of the part after the current token, as a stream: the bytes already read, then the
   * rest of the underlying stream.
   */
  InputStream rest() {
    InputStream buffered = new java.io.ByteArrayInputStream(buf, end, limit - end);
    return new SequenceInputStream(buffered, in);
  }

  // ---- scanning

  /** Makes sure byte {@code i} is in the buffer, reading more; false at the end of the part. */
  private boolean available(int i) throws IOException {
    while (i >= limit) {
      if (eof) {
        return false;
      }
      int shift = compact();
      i -= shift;
      if (limit == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }
    return true;
  }

  /**
   * Moves the current token to the front of the buffer, returning how far it moved. Only called
   * while a token is being scanned: the indexes that matter then are {@code start} and the
   * caller's; name and attribute indexes are set after the token is whole.
   */
  private int compact() {
    int shift = start;
    if (shift > 0) {
      System.arraycopy(buf, shift, buf, 0, limit - shift);
      limit -= shift;
      start = 0;
      end = Math.max(0, end - shift);
    }
    return shift;
  }

  /** The index of the first {@code b} at or after {@code i}, reading more as needed. */
  private int find(int i, char c) throws IOException {
    while (true) {
      byte[] b = buf;
      int lim = limit;
      while (i < lim) {
        if (b[i] == c) {
          return i;
        }
        i++;
      }
      int before = start;
      if (!available(i)) {
        throw new IOException("the part ends inside a tag");
      }
      i -= before - start;
    }
  }

  private int findPair(int i, char a, char b) throws IOException {
    while (true) {
      i = find(i, a);
      int before = start;
      if (!available(i + 1)) {
        throw new IOException("the part ends inside a tag");
      }
      i -= before - start;
      if (buf[i + 1] == b) {
        return i;
      }
      i++;
    }
  }

  /** The index just after {@code terminator}, searched from {@code i}. */
  private int findEnd(int i, String terminator) throws IOException {
    char first = terminator.charAt(0);
    while (true) {
      i = find(i, first);
      int before = start;
      if (!available(i + terminator.length() - 1)) {
        throw new IOException("the part ends inside a comment or CDATA section");
      }
      i -= before - start;
      if (startsWith(i, terminator)) {
        return i + terminator.length();
      }
      i++;
    }
  }

  /** The index of a start tag's closing {@code >}, skipping quoted attribute values. */
  private int endOfStartTag(int i) throws IOException {
    byte quote = 0;
    while (true) {
      byte[] b = buf;
      int lim = limit;
      while (i < lim) {
        byte c = b[i];
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '>') {
          return i;
        } else if (c == '"' || c == '\'') {
          quote = c;
        }
        i++;
      }
      int before = start;
      if (!available(i)) {
        throw new IOException("the part ends inside a tag");
      }
      i -= before - start;
    }
  }

  private boolean startsWith(int i, String s) throws IOException {
    int before = start;
    if (!available(i + s.length() - 1)) {
      return false;
    }
    i -= before - start;
    return regionIs(i, i + s.length(), s);
  }

  private int nameEnd(int i, int max) {
    while (i < max && !isSpace(buf[i]) && buf[i] != '/' && buf[i] != '>') {
      i++;
    }
    return i;
  }

  private int localStart(int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (buf[i] == ':') {
        return i + 1;
      }
    }
    return from;
  }

  /**
   * Reads the attributes of a whole start tag, between its name and its {@code >} or {@code />}.
   */
  private void attributes(int i, int max) throws IOException {
    byte[] b = buf;
    while (true) {
      while (i < max && isSpace(b[i])) {
        i++;
      }
      if (i >= max) {
        return;
      }
      int ns = i;
      while (i < max && b[i] != '=' && !isSpace(b[i])) {
        i++;
      }
      int ne = i;
      while (i < max && b[i] != '"' && b[i] != '\'') {
        i++;
      }
      if (i >= max) {
        throw new IOException("an attribute without a quoted value");
      }
      byte quote = b[i++];
      int vs = i;
      while (i < max && b[i] != quote) {
        i++;
      }
      int n = attributeCount;
      if (n == MAX_ATTRIBUTES) {
        throw new IOException("a tag with more than " + MAX_ATTRIBUTES + " attributes");
      }
      int[] a = attributes;
      if (4 * n + 4 > a.length) {
        a = attributes = Arrays.copyOf(a, a.length * 2);
      }
      a[4 * n] = ns;
      a[4 * n + 1] = ne;
      a[4 * n + 2] = vs;
      a[4 * n + 3] = i;
      attributeCount = n + 1;
      i++;
    }
  }

  private boolean regionIs(int from, int to, String s) {
    if (to - from != s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (buf[from + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean regionIs(int from, int to, byte[] s) {
    if (to - from != s.length) {
      return false;
    }
    byte[] b = buf;
    for (int i = 0; i < s.length; i++) {
      if (b[from + i] != s[i]) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of an ASCII name, for the lookups by name. */
  static byte[] ascii(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
