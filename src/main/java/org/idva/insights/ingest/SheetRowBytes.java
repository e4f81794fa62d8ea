package org.idva.insights.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;

/**
 * Reads a worksheet's rows straight from its bytes, giving exactly the cells fastexcel-reader 0.20
 * gives (as {@code FastexcelWorkbook} converts them), for the rows written the plain way: {@code
 * <row r="..">} holding {@code <c r=".." s=".." t="..">} cells in column order, each with one
 * {@code <v>} or (inline text) {@code <is><t>..</t></is>}. At the first row it cannot take whole (a
 * formula, rich text, a comment, CDATA, a cell without a reference, an unknown type, a value it
 * would have to judge, anything not well formed) it stops with {@link Step#CANNOT} and leaves that
 * row and the rest to fastexcel-reader, which skips the {@link #rowsTaken()} rows already read.
 *
 * <p>It never guesses: whatever it is unsure of is a row it cannot take, so the worst a gap in it
 * costs is time.
 */
final class SheetRowBytes {

  /** What a step found. */
  enum Step {
    /** A row, in {@link #row()} (it may have no cells). */
    ROW,
    /** The end of the sheet's rows. */
    END,
    /** A row this reader cannot take: it and the rest are fastexcel-reader's. */
    CANNOT
  }

  private static final int MAX_ATTRIBUTES = 32;

  private static final byte[] SHEET_DATA = ascii("sheetData");
  private static final byte[] ROW = ascii("row");
  private static final byte[] C = ascii("c");
  private static final byte[] V = ascii("v");
  private static final byte[] IS = ascii("is");
  private static final byte[] T = ascii("t");
  private static final byte[] R = ascii("r");
  private static final byte[] S = ascii("s");
  private static final byte[] INLINE_STR = ascii("inlineStr");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private final byte[] b;
  private final int end;
  private final SharedStrings strings;
  private final byte[][] prefixes;
  private int pos;
  private int rowsTaken;
  private RawRow row;

  private final List<RawCell> cells = new ArrayList<>();
  private final ContentText content;
  // The attributes of the tag last read: names and value spans.
  private final int[] nameFrom = new int[MAX_ATTRIBUTES];
  private final int[] nameTo = new int[MAX_ATTRIBUTES];
  private final int[] valueFrom = new int[MAX_ATTRIBUTES];
  private final int[] valueTo = new int[MAX_ATTRIBUTES];
  private int attributes;
  private boolean selfClosing;

  /**
   * @param b the bytes
   * @param from just after the {@code <sheetData>} start tag
   * @param end the end of the sheet's part
   * @param prefixes the namespace prefixes bound where the rows are
   */
  SheetRowBytes(byte[] b, int from, int end, SharedStrings strings, Set<String> prefixes) {
    this.b = b;
    this.pos = from;
    this.end = end;
    this.content = new ContentText(b, end);
    this.strings = strings;
    this.prefixes =
        prefixes.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  }

  /** A reader that finds no rows (the sheet's data is an empty element). */
  static SheetRowBytes empty() {
    SheetRowBytes r = new SheetRowBytes(new byte[0], 0, 0, SharedStrings.NONE, Set.of());
    r.ended = true;
    return r;
  }

  private boolean ended;

  /** Row elements read so far (empty ones too): what fastexcel-reader must skip to carry on. */
  int rowsTaken() {
    return rowsTaken;
  }

  /** The row the last {@link Step#ROW} found. */
  RawRow row() {
    return row;
  }

  Step next() {
    if (ended) {
      return Step.END;
    }
    try {
      return step();
    } catch (ArrayIndexOutOfBoundsException e) {
      return Step.CANNOT; // ran past the end of the part: not well formed
    }
  }

  private Step step() {
    skipSpace();
    if (pos >= end || b[pos] != '<') {
      return Step.CANNOT;
    }
    if (isEndTag(SHEET_DATA)) {
      if (pos > end) {
        return Step.CANNOT;
      }
      ended = true;
      return Step.END;
    }
    if (!startTag(ROW)) {
      return Step.CANNOT;
    }
    int rowNumber = -1;
    for (int i = 0; i < attributes; i++) {
      if (named(i, R)) {
        rowNumber = digits(valueFrom[i], valueTo[i]);
        if (rowNumber < 0) {
          return Step.CANNOT;
        }
      }
    }
    if (rowNumber < 0) {
      return Step.CANNOT;
    }
    cells.clear();
    if (!selfClosing && !cells()) {
      return Step.CANNOT;
    }
    if (pos > end) {
      return Step.CANNOT; // read on past the part's end: it was cut short
    }
    rowsTaken++;
    row = new RawRow(rowNumber, cells);
    return Step.ROW;
  }

  /** The cells up to and including {@code </row>}; false when one cannot be taken. */
  private boolean cells() {
    int lastColumn = -1;
    while (true) {
      skipSpace();
      if (pos >= end || b[pos] != '<') {
        return false;
      }
      if (isEndTag(ROW)) {
        return true;
      }
      if (!startTag(C)) {
        return false;
      }
      int column = -1;
      char type = 'n';
      for (int i = 0; i < attributes; i++) {
        if (named(i, R)) {
          column = column(valueFrom[i], valueTo[i]);
        } else if (named(i, S)) {
          if (digits(valueFrom[i], valueTo[i]) < 0) {
            return false;
          }
        } else if (named(i, T)) {
          type = type(valueFrom[i], valueTo[i]);
        }
      }
      if (column <= lastColumn || type == '?') {
        return false;
      }
      lastColumn = column;
      if (!cell(column, type)) {
        return false;
      }
    }
  }

  /** One cell's content and end tag, its value added to the cells; false when it cannot be. */
  private boolean cell(int column, char type) {
    String raw = null;
    if (!selfClosing) {
      skipSpace();
      if (type == 'i') {
        if (!isEndTag(C)) {
          raw = inlineText();
          if (raw == null) {
            return false;
          }
          skipSpace();
          if (!isEndTag(C)) {
            return false;
          }
        }
      } else if (!isEndTag(C)) {
        if (!startTag(V) || attributes != 0) {
          return false;
        }
        raw = selfClosing ? "" : textUntilEnd(V);
        if (raw == null) {
          return false;
        }
        skipSpace();
        if (!isEndTag(C)) {
          return false;
        }
      }
    }
    RawCell cell;
    switch (type) {
      case 'n' -> {
        if (raw == null || raw.isEmpty()) {
          return true;
        }
        double d = number(raw);
        if (Double.isNaN(d)) {
          return false;
        }
        cell = RawCell.number(column, d, raw);
      }
      case 's' -> {
        if (raw == null || raw.isEmpty()) {
          return true;
        }
        int index = digits(raw);
        String s = index < 0 ? null : strings.at(index);
        if (s == null) {
          return false;
        }
        if (s.isEmpty()) {
          return true;
        }
        cell = RawCell.text(column, s);
      }
      case 'i' -> {
        if (raw == null || raw.isEmpty()) {
          return true;
        }
        cell = RawCell.text(column, raw);
      }
      case 'b' -> {
        if ("1".equals(raw)) {
          cell = new RawCell(column, RawCell.Kind.BOOLEAN, "TRUE", 0);
        } else if ("0".equals(raw)) {
          cell = new RawCell(column, RawCell.Kind.BOOLEAN, "FALSE", 0);
        } else {
          return false;
        }
      }
      case 'e' -> {
        if (raw == null || raw.isEmpty()) {
          return false;
        }
        cell = new RawCell(column, RawCell.Kind.ERROR, raw, 0);
      }
      default -> {
        return false;
      }
    }
    cells.add(cell);
    return true;
  }

  /** {@code <is><t>..</t></is>}, nothing between the tags; null when written otherwise. */
  private String inlineText() {
    if (!startTag(IS) || selfClosing) {
      return null;
    }
    if (!startTag(T)) {
      return null;
    }
    String s = selfClosing ? "" : textUntilEnd(T);
    if (s == null || !isEndTag(IS)) {
      return null;
    }
    return s;
  }

  /** A number as fastexcel-reader makes it ({@code new BigDecimal(raw)}), or NaN. */
  static double number(String raw) {
    int n = raw.length();
    int i = raw.charAt(0) == '-' ? 1 : 0;
    if (n - i >= 1 && n - i <= 15) {
      long v = 0;
      boolean plain = true;
      for (int k = i; k < n && plain; k++) {
        char c = raw.charAt(k);
        plain = c >= '0' && c <= '9';
        v = v * 10 + (c - '0');
      }
      if (plain) {
        return i == 1 ? -(double) v + 0.0 : (double) v;
      }
    }
    try {
      return new BigDecimal(raw).doubleValue();
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  // ---- tags

  /** Whether {@code </name S? >} is here; if so, steps past it. */
  private boolean isEndTag(byte[] name) {
    int p = pos;
    if (b[p] != '<' || b[p + 1] != '/') {
      return false;
    }
    p += 2;
    for (int i = 0; i < name.length; i++, p++) {
      if (b[p] != name[i]) {
        return false;
      }
    }
    while (isSpace(b[p])) {
      p++;
    }
    if (b[p] != '>') {
      return false;
    }
    pos = p + 1;
    return true;
  }

  /**
   * Whether a start tag {@code <name ...>} or {@code <name .../>} is here, well formed, its
   * attributes without namespace declarations or unbound prefixes; if so, steps past it with its
   * attributes read.
   */
  private boolean startTag(byte[] name) {
    int p = pos;
    if (b[p] != '<') {
      return false;
    }
    p++;
    for (int i = 0; i < name.length; i++, p++) {
      if (b[p] != name[i]) {
        return false;
      }
    }
    attributes = 0;
    while (true) {
      int spaced = p;
      while (isSpace(b[p])) {
        p++;
      }
      if (b[p] == '>') {
        selfClosing = false;
        pos = p + 1;
        return true;
      }
      if (b[p] == '/' && b[p + 1] == '>') {
        selfClosing = true;
        pos = p + 2;
        return true;
      }
      if (p == spaced || attributes == MAX_ATTRIBUTES) {
        return false; // a name run on, or no space before an attribute
      }
      int nameStart = p;
      int colon = -1;
      if (!isNameStart(b[p])) {
        return false;
      }
      p++;
      while (isNameChar(b[p])) {
        if (b[p] == ':') {
          if (colon >= 0) {
            return false;
          }
          colon = p;
        }
        p++;
      }
      int nameEnd = p;
      if (!attributeNameAllowed(nameStart, colon, nameEnd)) {
        return false;
      }
      while (isSpace(b[p])) {
        p++;
      }
      if (b[p++] != '=') {
        return false;
      }
      while (isSpace(b[p])) {
        p++;
      }
      byte quote = b[p++];
      if (quote != '"' && quote != '\'') {
        return false;
      }
      int vStart = p;
      while (b[p] != quote) {
        byte c = b[p];
        if (c == '<' || c == '&' || (c >= 0 && c < 0x20 && c != '\t' && c != '\n')) {
          return false; // references and line ends in values are left to the parser
        }
        if (c < 0 && (p = content.skipCharacter(p)) < 0) {
          return false;
        }
        if (c >= 0) {
          p++;
        }
      }
      for (int i = 0; i < attributes; i++) {
        if (sameName(nameFrom[i], nameTo[i], nameStart, nameEnd)
            || (colon >= 0 && sameLocal(nameFrom[i], nameTo[i], colon + 1, nameEnd))) {
          return false;
        }
      }
      nameFrom[attributes] = nameStart;
      nameTo[attributes] = nameEnd;
      valueFrom[attributes] = vStart;
      valueTo[attributes] = p;
      attributes++;
      p++;
    }
  }

  private boolean attributeNameAllowed(int from, int colon, int to) {
    boolean xml = to - from >= 3 && b[from] == 'x' && b[from + 1] == 'm' && b[from + 2] == 'l';
    if (xml) {
      // xml:space and the like (the prefix xml is always bound); namespace declarations and other
      // names starting "xml" are left to the parser
      return colon == from + 3 && colon < to - 1;
    }
    if (colon < 0) {
      return true;
    }
    if (colon == from || colon == to - 1) {
      return false;
    }
    for (byte[] p : prefixes) {
      if (p.length == colon - from && equalsAt(from, p)) {
        return true;
      }
    }
    return false;
  }

  private boolean equalsAt(int from, byte[] word) {
    for (int k = 0; k < word.length; k++) {
      if (b[from + k] != word[k]) {
        return false;
      }
    }
    return true;
  }

  private boolean named(int i, byte[] name) {
    int from = nameFrom[i];
    if (nameTo[i] - from != name.length) {
      return false;
    }
    for (int k = 0; k < name.length; k++) {
      if (b[from + k] != name[k]) {
        return false;
      }
    }
    return true;
  }

  private boolean sameName(int aFrom, int aTo, int bFrom, int bTo) {
    if (aTo - aFrom != bTo - bFrom) {
      return false;
    }
    for (int k = 0; k < aTo - aFrom; k++) {
      if (b[aFrom + k] != b[bFrom + k]) {
        return false;
      }
    }
    return true;
  }

  /** Whether a prefixed name's local part equals another prefixed name's (same-URI risk). */
  private boolean sameLocal(int aFrom, int aTo, int localFrom, int localTo) {
    int colon = -1;
    for (int k = aFrom; k < aTo; k++) {
      if (b[k] == ':') {
        colon = k;
      }
    }
    return colon >= 0 && sameName(colon + 1, aTo, localFrom, localTo);
  }

  // ---- values

  /** A cell type: n, s, b, e, i(nline); '?' for any other (formula text included). */
  private char type(int from, int to) {
    int n = to - from;
    if (n == 1) {
      return switch (b[from]) {
        case 'n' -> 'n';
        case 's' -> 's';
        case 'b' -> 'b';
        case 'e' -> 'e';
        default -> '?';
      };
    }
    if (n == INLINE_STR.length && equalsAt(from, INLINE_STR)) {
      return 'i';
    }
    return '?';
  }

  /**
   * A cell reference's column ({@code A1} → 0), or -1 unless it is {@code [A-Z]{1,3}[0-9]{1,7}}.
   */
  private int column(int from, int to) {
    int p = from;
    int col = 0;
    while (p < to && p - from < 3 && b[p] >= 'A' && b[p] <= 'Z') {
      col = col * 26 + (b[p] - 'A' + 1);
      p++;
    }
    if (p == from || to - p < 1 || to - p > 7) {
      return -1;
    }
    for (int k = p; k < to; k++) {
      if (b[k] < '0' || b[k] > '9') {
        return -1;
      }
    }
    return col - 1;
  }

  /** Plain digits (at most 9) as a number, or -1. */
  private int digits(int from, int to) {
    if (to <= from || to - from > 9) {
      return -1;
    }
    int v = 0;
    for (int k = from; k < to; k++) {
      if (b[k] < '0' || b[k] > '9') {
        return -1;
      }
      v = v * 10 + (b[k] - '0');
    }
    return v;
  }

  private static int digits(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return -1;
    }
    int v = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  // ---- text

  /**
   * The text up to {@code </name>} (as {@link ContentText} reads it), stepping past the end tag;
   * null when the element holds anything else (an element, a comment, CDATA, text a parser would
   * refuse).
   */
  private String textUntilEnd(byte[] name) {
    String s = content.read(pos);
    if (s == null) {
      return null;
    }
    pos = content.after();
    return isEndTag(name) ? s : null;
  }

  // ---- characters

  private void skipSpace() {
    while (pos < end && isSpace(b[pos])) {
      pos++;
    }
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static boolean isNameStart(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNameChar(byte c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
  }
}
