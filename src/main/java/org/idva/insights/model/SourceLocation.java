package org.idva.insights.model;

/**
 * Where a value came from: the return file, the sheet, the Excel row number (1-based, as the
 * service sees it) and the column (0-based index; {@link #NONE} when the location is a whole row or
 * sheet). Every row keeps its location from the reader to the store and the feedback.
 */
public record SourceLocation(String file, String sheet, int row, int column) {
  public static final int NONE = -1;

  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, null, NONE, NONE);
  }

  public static SourceLocation ofSheet(String file, String sheet) {
    return new SourceLocation(file, sheet, NONE, NONE);
  }

  public SourceLocation withColumn(int col) {
    return new SourceLocation(file, sheet, row, col);
  }

  public boolean hasRow() {
    return row != NONE;
  }

  public boolean hasColumn() {
    return column != NONE;
  }

  /** The column letters of a 0-based index: 0 = A, 25 = Z, 26 = AA. */
  public static String columnLetters(int column) {
    StringBuilder s = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      s.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return s.toString();
  }

  /** {@code B7}, {@code 7} (whole row), {@code B} (whole column) or empty (whole sheet). */
  public String cell() {
    return (hasColumn() ? columnLetters(column) : "") + (hasRow() ? Integer.toString(row) : "");
  }

  /** {@code return.xlsx, sheet Intake, cell B7} for messages. */
  public String describe() {
    StringBuilder s = new StringBuilder(file == null ? "" : file);
    if (sheet != null) {
      s.append(s.length() == 0 ? "" : ", ").append("sheet ").append(sheet);
    }
    if (hasRow() && hasColumn()) {
      s.append(", cell ").append(cell());
    } else if (hasRow()) {
      s.append(", row ").append(row);
    } else if (hasColumn()) {
      s.append(", column ").append(columnLetters(column));
    }
    return s.toString();
  }
}
