package org.idva.insights.model;

import java.util.List;

/**
 * A sheet of a workbook as the reader found it, before its rows are read.
 *
 * @param index the sheet's position in the workbook (0-based)
 * @param merged the merged cell ranges the sheet declares
 */
public record RawSheet(String name, int index, Visibility visibility, List<CellRange> merged) {

  public RawSheet {
    merged = List.copyOf(merged);
  }

  /** Whether a sheet shows as a tab ({@code VERY_HIDDEN} can only be unhidden with a macro). */
  public enum Visibility {
    VISIBLE,
    HIDDEN,
    VERY_HIDDEN
  }

  /**
   * A rectangle of cells: rows 1-based as Excel shows them, columns 0-based.
   *
   * @param firstRow first row (1-based)
   * @param lastRow last row (1-based)
   */
  public record CellRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    public boolean containsRow(int row) {
      return row >= firstRow && row <= lastRow;
    }

    /** {@code B1:D1}. */
    public String describe() {
      return SourceLocation.columnLetters(firstColumn)
          + firstRow
          + ":"
          + SourceLocation.columnLetters(lastColumn)
          + lastRow;
    }
  }
}
