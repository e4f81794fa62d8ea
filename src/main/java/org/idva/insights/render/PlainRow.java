package org.idva.insights.render;

/**
 * Whether the bytes inside a row are already what {@link SheetDataBytes} writes for them when the
 * row has no marks: then they are copied as they are, in one piece, instead of cell by cell. They
 * are when every cell is written the way that copy writes one ({@code <c r="A1" s="3" t="s">}: the
 * reference, then a style as {@code Integer.toString} writes it, then a type, double-quoted, one
 * space apart; or a cell that closes itself) and holds nothing but {@code <v>} text and {@code
 * <is>} inline text, one after the other (at least one: an empty cell closes itself); and between
 * the cells there is only text. Anything that copy would rewrite or leave out makes the row not
 * plain: a formula, a comment, an instruction, a CDATA section, another element or attribute, a
 * prefix, text inside a cell, a style with leading zeros. Saying "not plain" when in doubt costs
 * only time: the row is then copied cell by cell.
 */
final class PlainRow {
  private static final byte[] ROW_END = XmlBytes.ascii("</row>");
  private static final byte[] CELL_START = XmlBytes.ascii("<c r=\"");
  private static final byte[] STYLE = XmlBytes.ascii(" s=\"");
  private static final byte[] TYPE = XmlBytes.ascii(" t=\"");
  private static final byte[] CELL_END = XmlBytes.ascii("</c>");
  private static final byte[] VALUE_START = XmlBytes.ascii("<v>");
  private static final byte[] VALUE_END = XmlBytes.ascii("</v>");
  private static final byte[] INLINE_START = XmlBytes.ascii("<is>");
  private static final byte[] INLINE_END = XmlBytes.ascii("</is>");

  /**
   * The longest run of bytes compared at once: stopping this close to the end of what is buffered
   * may be for want of bytes.
   */
  private static final int LOOKAHEAD = 8;

  /** The most digits a style written as it was submitted may have (CheckedSheet). */
  private static final int STYLE_DIGITS = 8;

  /** Where the last {@link #end} stopped when it found the row not plain. */
  private int stoppedAt;

  /** Whether a cell's type may come before its style, and a style have a leading zero. */
  private final boolean typeBeforeStyle;

  /** Rows as the copy writes them: a cell's style before its type. */
  PlainRow() {
    this(false);
  }

  private PlainRow(boolean typeBeforeStyle) {
    this.typeBeforeStyle = typeBeforeStyle;
  }

  /**
   * Rows that say nothing the copy would change, for a sheet that goes into the copy as submitted
   * ({@link UnchangedSheet}): as {@link #PlainRow()}, and a cell's type may also come before its
   * style ({@code <c r="A1" t="s" s="2">}), which the copy writes the other way round, and a style
   * may be written with leading zeros ({@code s="0"}), which the copy writes as a number.
   */
  static PlainRow asSubmitted() {
    return new PlainRow(true);
  }

  private int to;

  /**
   * Where the row's end tag ({@code </row>}) starts, when the row's content from {@code from} up to
   * it is plain and {@code b[from, to)} holds it all; else -1 (then see {@link #needsMore}).
   */
  int end(byte[] b, int from, int to) {
    this.to = to;
    int i = from;
    while (true) {
      while (i < to && b[i] != '<') {
        i++;
      }
      if (at(b, i, ROW_END)) {
        return i;
      }
      if ((i = cell(b, i)) < 0) {
        return -1;
      }
    }
  }

  /**
   * Whether the last {@link #end} gave -1 only for want of bytes: it stopped so near the end of
   * those it was given that with more the row may be plain.
   */
  boolean needsMore() {
    return stoppedAt + LOOKAHEAD > to;
  }

  private int notPlain(int i) {
    stoppedAt = i;
    return -1;
  }

  /** Where the plain cell starting at {@code i} ends (just after it); -1 if it is not plain. */
  private int cell(byte[] b, int i) {
    if (!at(b, i, CELL_START)) {
      return notPlain(i);
    }
    if ((i = quoted(b, i + CELL_START.length)) < 0) {
      return -1;
    }
    boolean styled = at(b, i, STYLE);
    if (styled && (i = style(b, i + STYLE.length)) < 0) {
      return -1;
    }
    if (at(b, i, TYPE) && (i = quoted(b, i + TYPE.length)) < 0) {
      return -1;
    }
    if (typeBeforeStyle && !styled && at(b, i, STYLE) && (i = style(b, i + STYLE.length)) < 0) {
      return -1;
    }
    if (i + 1 < to && b[i] == '/' && b[i + 1] == '>') {
      return i + 2;
    }
    if (i >= to || b[i] != '>' || at(b, i + 1, CELL_END)) {
      return notPlain(i); // <c ...></c> is written <c .../>
    }
    i++;
    while (!at(b, i, CELL_END)) {
      if (at(b, i, VALUE_START)) {
        i += VALUE_START.length;
        while (i < to && b[i] != '<') {
          i++;
        }
        if (!at(b, i, VALUE_END)) {
          return notPlain(i);
        }
        i += VALUE_END.length;
      } else if (at(b, i, INLINE_START)) {
        if ((i = inlineText(b, i + INLINE_START.length)) < 0) {
          return -1;
        }
      } else {
        return notPlain(i);
      }
    }
    return i + CELL_END.length;
  }

  /**
   * Just after the {@code </is>} that ends inline text from {@code i}; -1 if it holds other XML.
   */
  private int inlineText(byte[] b, int i) {
    for (; i < to; i++) {
      if (b[i] == '<') {
        if (i + 1 >= to || b[i + 1] == '!' || b[i + 1] == '?') {
          return notPlain(i);
        }
        if (at(b, i, INLINE_END)) {
          return i + INLINE_END.length;
        }
      }
    }
    return notPlain(i);
  }

  /** Just after the closing quote of a value starting at {@code i}; -1 if there is none. */
  private int quoted(byte[] b, int i) {
    for (; i < to; i++) {
      if (b[i] == '"') {
        return i + 1;
      }
      if (b[i] == '<') {
        return notPlain(i);
      }
    }
    return notPlain(i);
  }

  /**
   * Just after a style's closing quote, when it is 1 to 8 digits without a leading zero (as
   * submitted: any 1 to 8 digits, so also {@code s="0"}); else -1.
   */
  private int style(byte[] b, int i) {
    int first = i;
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    int digits = i - first;
    if (digits == 0
        || digits > STYLE_DIGITS
        || (b[first] == '0' && !typeBeforeStyle)
        || i >= to
        || b[i] != '"') {
      return notPlain(i);
    }
    return i + 1;
  }

  /** Whether the bytes at {@code i} are {@code s}; false too when fewer are there. */
  private boolean at(byte[] b, int i, byte[] s) {
    if (i + s.length > to) {
      return false;
    }
    for (int j = 0; j < s.length; j++) {
      if (b[i + j] != s[j]) {
        return false;
      }
    }
    return true;
  }
}
