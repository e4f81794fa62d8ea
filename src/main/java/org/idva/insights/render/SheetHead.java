package org.idva.insights.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start of a worksheet part, read up to its {@code <sheetData>} start tag, and whether its rows
 * can be copied byte by byte ({@link SheetDataBytes}): only for a UTF-8 part whose root is an
 * unprefixed {@code worksheet} in the spreadsheet namespace, with an unprefixed, non-empty {@code
 * sheetData} among its children. Anything else (another encoding, a document type, prefixed names)
 * goes through the event copy whole.
 */
final class SheetHead {
  /** A sheet whose start is longer than this is copied by events: its rows are not held back. */
  static final int MAX_HEAD = 4 << 20;

  private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");

  private static final byte[] SHEET_DATA = XmlBytes.ascii("sheetData");
  private static final byte[] XMLNS = XmlBytes.ascii("xmlns");

  private final ByteArrayOutputStream seen = new ByteArrayOutputStream(4096);
  private final XmlBytes x;
  private byte[] rootTag;
  private boolean rows;

  private SheetHead(XmlBytes x) {
    this.x = x;
  }

  /** Reads the part's start from {@code x}, which is left just after the sheetData start tag. */
  static SheetHead read(XmlBytes x) throws IOException {
    SheetHead head = new SheetHead(x);
    head.rows = head.scan();
    return head;
  }

  /** The root's start tag as written (with its namespace declarations); null before it is read. */
  byte[] rootTag() {
    return rootTag;
  }

  /** The part's tokens, at the sheetData start tag once read. */
  XmlBytes x() {
    return x;
  }

  /** Whether the rows can be copied byte by byte: {@link #head()} ends with sheetData's tag. */
  boolean rowsByBytes() {
    return rows;
  }

  /** The part up to and including the sheetData start tag, closed so a parser can read it. */
  InputStream head() {
    byte[] end = "</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII);
    return new SequenceInputStream(
        new ByteArrayInputStream(seen.toByteArray()), new ByteArrayInputStream(end));
  }

  /**
   * What follows the rows (after {@code </sheetData>}), behind the root's start tag and an empty
   * sheetData, so a parser reads it with the root's namespaces: the bytes {@code read} already
   * taken from {@code rest} (the stream {@code x().rest()} gave), then the rest of it.
   */
  InputStream tail(byte[] read, InputStream rest) {
    byte[] open = "<sheetData/>".getBytes(StandardCharsets.US_ASCII);
    return new SequenceInputStream(
        new ByteArrayInputStream(concat(concat(rootTag, open), read)), rest);
  }

  /** The whole part: what has been read, then the rest. */
  InputStream whole() {
    return new SequenceInputStream(new ByteArrayInputStream(seen.toByteArray()), x.rest());
  }

  private boolean scan() throws IOException {
    int depth = 0;
    while (seen.size() <= MAX_HEAD) {
      int k = x.next();
      if (k == XmlBytes.EOF) {
        return false;
      }
      seen.write(x.token());
      if (k == XmlBytes.DOCTYPE) {
        return false;
      }
      if (k == XmlBytes.PI && depth == 0 && !utf8Declaration(x.token())) {
        return false;
      }
      if (depth == 0) {
        if (k == XmlBytes.START) {
          if (!x.nameIs("worksheet") || x.isEmpty() || !mainNamespace()) {
            return false;
          }
          rootTag = x.token();
          depth = 1;
        } else if (k == XmlBytes.TEXT && !blank(x.token())) {
          return false;
        }
      } else if (k == XmlBytes.START) {
        if (depth == 1 && x.localNameIs(SHEET_DATA)) {
          return x.nameIs("sheetData") && !x.isEmpty();
        }
        if (!x.isEmpty()) {
          depth++;
        }
      } else if (k == XmlBytes.END) {
        depth--;
        if (depth == 0) {
          return false;
        }
      }
    }
    return false;
  }

  private boolean mainNamespace() {
    for (int i = 0; i < x.attributeCount(); i++) {
      if (x.attributeNameIs(i, XMLNS)) {
        return x.valueIs(i, PackageXml.MAIN_NS);
      }
    }
    return false;
  }

  /** The XML declaration names UTF-8, or no encoding (UTF-8 then). */
  private static boolean utf8Declaration(byte[] pi) {
    String s = new String(pi, StandardCharsets.ISO_8859_1);
    if (!s.startsWith("<?xml ") && !s.startsWith("<?xml\t") && !s.startsWith("<?xml\n")) {
      return true; // not a declaration: the encoding is read from the bytes, UTF-8 without a BOM
    }
    Matcher m = ENCODING.matcher(s);
    return !m.find() || m.group(1).toLowerCase(Locale.ROOT).replace("-", "").equals("utf8");
  }

  /** Whitespace, after a UTF-8 byte order mark or not. */
  private static boolean blank(byte[] text) {
    int i = 0;
    if (text.length >= 3
        && (text[0] & 0xFF) == 0xEF
        && (text[1] & 0xFF) == 0xBB
        && (text[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    for (; i < text.length; i++) {
      byte b = text[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
