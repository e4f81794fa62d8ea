package org.idva.insights.render;

import java.io.IOException;
import java.util.Map;
import org.idva.insights.model.SourceLocation;

/**
 * The rows of a worksheet copied byte by byte into its checked copy: what {@link CheckedSheet}'s
 * event copy does to {@code sheetData}, without decoding a cell that needs no change. A cell keeps
 * its reference, style and type and its value as written; a marked cell (or one an earlier check
 * had marked) gets its new style; a formula goes and its cached value stays (as inline text when
 * the formula gave text); rows and cells that must be added for marks are added; anything else
 * inside the rows (row spans, other children, comments) is left out, as the event copy leaves it
 * out.
 */
final class SheetDataBytes {
  private static final int MAX = Integer.MAX_VALUE;
  private static final byte[] ROW = XmlBytes.ascii("row");
  private static final byte[] C = XmlBytes.ascii("c");
  private static final byte[] F = XmlBytes.ascii("f");
  private static final byte[] V = XmlBytes.ascii("v");
  private static final byte[] IS = XmlBytes.ascii("is");
  private static final byte[] R = XmlBytes.ascii("r");
  private static final byte[] S = XmlBytes.ascii("s");
  private static final byte[] T = XmlBytes.ascii("t");
  private static final byte[] SPANS = XmlBytes.ascii("spans");
  private static final byte[] CELL_START = XmlBytes.ascii("<c r=\"");
  private static final byte[] STYLE_START = XmlBytes.ascii("\" s=\"");
  private static final byte[] TYPE_START = XmlBytes.ascii("\" t=\"");
  private static final byte[] CELL_END = XmlBytes.ascii("</c>");
  private static final byte[] INLINE_START = XmlBytes.ascii("<is><t xml:space=\"preserve\">");
  private static final byte[] INLINE_END = XmlBytes.ascii("</t></is>");
  private static final byte[] ROW_END = XmlBytes.ascii("</row>");

  /**
   * The longest row looked at for a copy as it is ({@link PlainRow}); a longer one is copied cell
   * by cell, so the buffer never has to hold more than this of a row.
   */
  static final int PLAIN_ROW_MAX = 1 << 18;

  /** The current cell's start tag, copied: its attributes are written after its formula goes. */
  private byte[] tag = new byte[256];

  private final XmlBytes x;
  private final ByteOut out;
  private final CheckedSheet sheet;

  /** Whether a row with no marks whose content is plain is copied as it is (tests turn it off). */
  private final boolean plainRowsAsTheyAre;

  private final PlainRow plain = new PlainRow();

  /** How many rows were copied as they are. */
  private int plainRows;

  SheetDataBytes(XmlBytes x, ByteOut out, CheckedSheet sheet, boolean plainRowsAsTheyAre) {
    this.x = x;
    this.out = out;
    this.sheet = sheet;
    this.plainRowsAsTheyAre = plainRowsAsTheyAre;
  }

  /** How many rows {@link #copy} copied as they were, not cell by cell. */
  int plainRows() {
    return plainRows;
  }

  /** Copies the rows, from just after {@code <sheetData>} up to and including its end tag. */
  void copy() throws IOException {
    int row = -1;
    while (true) {
      int k = x.next();
      if (k == XmlBytes.START) {
        if (x.localNameIs(ROW)) {
          int r = x.attribute(R);
          row = r < 0 ? row + 1 : x.intValue(r) - 1;
          missingRowsBefore(row);
          row(row);
        } else {
          x.skipElement();
        }
      } else if (k == XmlBytes.END) {
        missingRowsBefore(MAX);
        return;
      } else if (k == XmlBytes.EOF || k == XmlBytes.DOCTYPE) {
        throw new IOException("the sheet's rows end without </sheetData>");
      }
    }
  }

  /** One row: its start tag without {@code spans}, its cells, and the marked cells it lacks. */
  private void row(int row) throws IOException {
    byte[] name = x.name();
    out.write('<');
    out.write(name);
    for (int i = 0; i < x.attributeCount(); i++) {
      if (!x.attributeNameIs(i, SPANS)) {
        x.copyAttributeTo(i, out);
      }
    }
    out.write('>');
    if (!x.isEmpty() && !plainCopied(row)) {
      cells(row);
    }
    missingCellsBefore(row, MAX);
    out.write('<');
    out.write('/');
    out.write(name);
    out.write('>');
  }

  /**
   * Copies the content of the current row as it is, and reads through its end tag, when nothing in
   * the row changes: no marks, and its bytes are what the copy cell by cell would write ({@link
   * PlainRow}). Otherwise reads nothing and returns false.
   */
  private boolean plainCopied(int row) throws IOException {
    if (!plainRowsAsTheyAre || !sheet.rowUnmarked(row) || !x.nameIs("row")) {
      return false;
    }
    while (true) {
      byte[] b = x.buffer();
      int from = x.tokenEnd();
      int endTag = plain.end(b, from, x.bufferEnd());
      if (endTag >= 0) {
        out.write(b, from, endTag - from);
        x.resumeAt(endTag + ROW_END.length);
        plainRows++;
        return true;
      }
      if (!plain.needsMore() || x.bufferEnd() - from > PLAIN_ROW_MAX || !x.bufferMore()) {
        return false;
      }
    }
  }

  /** The cells of a row, up to its end tag (not written); text between them kept. */
  private void cells(int row) throws IOException {
    int col = -1;
    while (true) {
      int k = x.next();
      if (k == XmlBytes.START) {
        if (x.localNameIs(C)) {
          int r = x.attribute(R);
          col = r < 0 ? col + 1 : x.columnOfValue(r);
          missingCellsBefore(row, col);
          cell(row, col, r);
        } else {
          x.skipElement();
        }
      } else if (k == XmlBytes.END) {
        return;
      } else if (k == XmlBytes.TEXT || k == XmlBytes.CDATA) {
        x.copyTo(out);
      } else if (k == XmlBytes.EOF || k == XmlBytes.DOCTYPE) {
        throw new IOException("a row ends without </row>");
      }
    }
  }

  /**
   * One cell, its start tag current: the tag is held back until its first child that is not a
   * formula, so a cell whose formula gave text is written as that text.
   */
  private void cell(int row, int col, int refAttribute) throws IOException {
    int s = x.attribute(S);
    int t = x.attribute(T);
    boolean str = t >= 0 && x.valueIs(t, "str");
    boolean earlier = sheet.wasMarked(row, col);
    CheckedSheet.Mark mark = sheet.takeMark(row, col);
    // The style as submitted when it can be written as it is; else the number to write (0: none).
    boolean rawStyle = mark == null && !earlier && s >= 0 && x.valueIsCanonicalStyle(s);
    int style = 0;
    if (!rawStyle) {
      style = sheet.cellStyle(s < 0 ? 0 : x.intValue(s), earlier, mark);
    }
    keepTag(refAttribute, rawStyle ? s : -1, t);
    boolean formula = false;
    boolean started = false;
    boolean textResult = false;
    if (!x.isEmpty()) {
      while (true) {
        int k = x.next();
        if (k == XmlBytes.START) {
          if (x.localNameIs(F)) {
            x.skipElement();
            formula = true;
            sheet.formulaFound();
            continue;
          }
          if (!started) {
            textResult = formula && str;
            startCell(row, col, style, textResult ? TYPE_INLINE : TYPE_KEPT, false);
            started = true;
          }
          if (x.localNameIs(V) && textResult) {
            inlineText();
          } else if (x.localNameIs(V) || x.localNameIs(IS)) {
            copySubtree();
          } else {
            x.skipElement();
          }
        } else if (k == XmlBytes.END) {
          break;
        } else if (k == XmlBytes.EOF || k == XmlBytes.DOCTYPE) {
          throw new IOException("a cell ends without </c>");
        }
      }
    }
    if (started) {
      out.write(CELL_END);
    } else {
      startCell(row, col, style, formula ? TYPE_NONE : TYPE_KEPT, true);
    }
    if (formula) {
      sheet.noteFormula(row, col);
    }
  }

  private static final int TYPE_KEPT = 0;
  private static final int TYPE_NONE = 1;
  private static final int TYPE_INLINE = 2;
  private static final byte[] INLINE = XmlBytes.ascii("inlineStr");

  /**
   * Where the kept values lie in {@link #tag}: reference, raw style, type (start, end; -1: none).
   */
  private final int[] kept = new int[6];

  /** Copies the values of the cell's reference, style (when kept as it is) and type. */
  private void keepTag(int r, int s, int t) {
    int n = keep(0, r, 0);
    n = keep(1, s, n);
    keep(2, t, n);
  }

  /**
   * Copies attribute {@code a}'s value (if any) to {@link #tag} at {@code n}: kept value {@code j}.
   */
  private int keep(int j, int a, int n) {
    if (a < 0) {
      kept[2 * j] = -1;
      return n;
    }
    byte[] v;
    int from;
    int len;
    if (x.valueHasQuote(a)) {
      // A single-quoted value holding a double quote: rare, so copied the slow way.
      v = x.valueBytes(a);
      from = 0;
      len = v.length;
    } else {
      v = x.buffer();
      from = x.valueStart(a);
      len = x.valueEnd(a) - from;
    }
    if (n + len > tag.length) {
      tag = java.util.Arrays.copyOf(tag, n + len + tag.length);
    }
    System.arraycopy(v, from, tag, n, len);
    kept[2 * j] = n;
    kept[2 * j + 1] = n + len;
    return n + len;
  }

  private void startCell(int row, int col, int style, int type, boolean empty) throws IOException {
    out.write(CELL_START);
    if (kept[0] >= 0) {
      out.write(tag, kept[0], kept[1] - kept[0]);
    } else {
      out.ascii(SourceLocation.columnLetters(col) + (row + 1));
    }
    if (kept[2] >= 0) {
      out.write(STYLE_START);
      out.write(tag, kept[2], kept[3] - kept[2]);
    } else if (style != 0) {
      out.write(STYLE_START);
      out.decimal(style);
    }
    if (type == TYPE_INLINE) {
      out.write(TYPE_START);
      out.write(INLINE);
    } else if (type == TYPE_KEPT && kept[4] >= 0) {
      out.write(TYPE_START);
      out.write(tag, kept[4], kept[5] - kept[4]);
    }
    out.write('"');
    if (empty) {
      out.write('/');
    }
    out.write('>');
  }

  /** A formula's text result ({@code <v>} current) as an inline string. */
  private void inlineText() throws IOException {
    StringBuilder text = new StringBuilder();
    if (!x.isEmpty()) {
      while (true) {
        int k = x.next();
        if (k == XmlBytes.TEXT || k == XmlBytes.CDATA) {
          text.append(x.text());
        } else if (k == XmlBytes.END) {
          break;
        } else if (k == XmlBytes.START || k == XmlBytes.EOF || k == XmlBytes.DOCTYPE) {
          throw new IOException("a cell's value holds more than text");
        }
      }
    }
    out.write(INLINE_START);
    out.utf8(PackageXml.escape(text.toString()));
    out.write(INLINE_END);
  }

  /** The element whose start tag is current, as read, without comments or instructions. */
  private void copySubtree() throws IOException {
    x.copyTo(out);
    if (x.isEmpty()) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      int k = x.next();
      if (k == XmlBytes.START) {
        x.copyTo(out);
        if (!x.isEmpty()) {
          depth++;
        }
      } else if (k == XmlBytes.END) {
        x.copyTo(out);
        depth--;
      } else if (k == XmlBytes.TEXT || k == XmlBytes.CDATA) {
        x.copyTo(out);
      } else if (k == XmlBytes.EOF || k == XmlBytes.DOCTYPE) {
        throw new IOException("a value ends without its end tag");
      }
    }
  }

  private void missingRowsBefore(int row) throws IOException {
    int r;
    while ((r = sheet.nextMarkedRowBefore(row)) >= 0) {
      out.ascii("<row r=\"");
      out.decimal(r + 1);
      out.ascii("\">");
      missingCellsBefore(r, MAX);
      out.ascii("</row>");
    }
  }

  private void missingCellsBefore(int row, int col) throws IOException {
    Map.Entry<Long, CheckedSheet.Mark> m;
    while ((m = sheet.nextMarkBefore(row, col)) != null) {
      int c = CheckedSheet.col(m.getKey());
      out.ascii("<c r=\"");
      out.ascii(SourceLocation.columnLetters(c) + (row + 1));
      out.ascii("\" s=\"");
      out.decimal(sheet.missingCellStyle(c, m.getValue().severity()));
      out.ascii("\"/>");
    }
  }
}
