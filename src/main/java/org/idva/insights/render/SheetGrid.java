package org.idva.insights.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells of one table sheet, held as plain arrays until the sheet is written as XML ({@link
 * TableSheetXml}): a style index per cell and a shared-string index or number as its value. A row
 * keeps its cells in column order; setting a cell that exists replaces it.
 */
final class SheetGrid {
  static final byte BLANK = 0;
  static final byte TEXT = 1;
  static final byte NUMBER = 2;
  static final byte BOOLEAN = 3;

  /** One row: its cells in column order and its height, when set. */
  static final class Row {
    final int index;
    int size;
    int[] columns = new int[8];
    int[] styles = new int[8];
    byte[] types = new byte[8];
    double[] values = new double[8];
    String[] texts = new String[8];

    /** The height in points, or a negative number for the sheet's default. */
    double height = -1;

    Row(int index) {
      this.index = index;
    }

    /** The position of column {@code c} among the cells, or where it would go, as binarySearch. */
    int find(int c) {
      if (size > 0 && columns[size - 1] < c) {
        return -(size + 1);
      }
      return Arrays.binarySearch(columns, 0, size, c);
    }

    int cell(int c) {
      int at = find(c);
      if (at >= 0) {
        return at;
      }
      at = -at - 1;
      if (size == columns.length) {
        int n = size * 2;
        columns = Arrays.copyOf(columns, n);
        styles = Arrays.copyOf(styles, n);
        types = Arrays.copyOf(types, n);
        values = Arrays.copyOf(values, n);
        texts = Arrays.copyOf(texts, n);
      }
      int tail = size - at;
      System.arraycopy(columns, at, columns, at + 1, tail);
      System.arraycopy(styles, at, styles, at + 1, tail);
      System.arraycopy(types, at, types, at + 1, tail);
      System.arraycopy(values, at, values, at + 1, tail);
      System.arraycopy(texts, at, texts, at + 1, tail);
      columns[at] = c;
      styles[at] = 0;
      types[at] = BLANK;
      values[at] = 0;
      texts[at] = null;
      size++;
      return at;
    }

    /** The text of the cell at column {@code c}, or null when it holds none. */
    String text(int c) {
      int at = find(c);
      return at >= 0 && types[at] == TEXT ? texts[at] : null;
    }

    /** The number in the cell at column {@code c}, or null when it holds none. */
    Double number(int c) {
      int at = find(c);
      return at >= 0 && types[at] == NUMBER ? values[at] : null;
    }
  }

  private final List<Row> rows = new ArrayList<>();

  /** The row, made when absent. */
  Row row(int r) {
    while (rows.size() <= r) {
      rows.add(null);
    }
    Row row = rows.get(r);
    if (row == null) {
      row = new Row(r);
      rows.set(r, row);
    }
    return row;
  }

  /** The row, or null when nothing was set in it. */
  Row rowOrNull(int r) {
    return r < rows.size() ? rows.get(r) : null;
  }

  /** The rows made, in order (absent rows skipped). */
  List<Row> rows() {
    return rows.stream().filter(r -> r != null).toList();
  }

  /** Gives the cell a style, made blank when absent; its value is kept. */
  void style(int r, int c, int style) {
    Row row = row(r);
    int at = row.cell(c); // first: it may grow the arrays
    row.styles[at] = style;
  }

  /** Makes the cell a new blank one with this style (any value it held is gone). */
  void blank(int r, int c, int style) {
    set(r, c, BLANK, 0, null);
    style(r, c, style);
  }

  /** Sets a text value: {@code index} is its place in the shared strings. */
  void text(int r, int c, String text, int index) {
    set(r, c, TEXT, index, text);
  }

  void number(int r, int c, double value) {
    set(r, c, NUMBER, value, null);
  }

  void bool(int r, int c, boolean value) {
    set(r, c, BOOLEAN, value ? 1 : 0, null);
  }

  /** Sets the cell's value (its style kept, or 0 when the cell is new). */
  private void set(int r, int c, byte type, double value, String text) {
    Row row = row(r);
    int at = row.cell(c);
    row.types[at] = type;
    row.values[at] = value;
    row.texts[at] = text;
  }
}
