package org.idva.insights.model;

import java.util.List;

/**
 * One row of a sheet as read: its Excel row number (1-based) and its non-empty cells in column
 * order.
 */
public record RawRow(int rowNumber, List<RawCell> cells) {

  public RawRow {
    cells = List.copyOf(cells);
  }

  /** The cell in a 0-based column, or null. */
  public RawCell cell(int column) {
    for (RawCell c : cells) {
      if (c.column() == column) {
        return c;
      }
      if (c.column() > column) {
        return null;
      }
    }
    return null;
  }

  /** Whether no cell holds anything but spaces. */
  public boolean isBlank() {
    return cells.stream().allMatch(RawCell::isBlank);
  }
}
