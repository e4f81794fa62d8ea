package org.idva.insights.render;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Keeps each table (with its chart) on one printed page where it fits: a section sheet is printed
 * landscape on A4, one page wide, so the scale follows the sheet's width; a manual page break goes
 * before a table that would otherwise run over the bottom of a page.
 */
final class Pager {
  /** A4 landscape less margins and header/footer, in points. */
  private static final double PAGE_WIDTH = 842 - 2 * 0.7 * 72;

  private static final double PAGE_HEIGHT = 595 - 2 * 0.75 * 72 - 2 * 0.3 * 72;

  private final XSSFSheet sheet;
  private final int firstRow;
  private final int columns;
  private final List<int[]> blocks;

  /**
   * @param firstRow the first row of the first table (rows above it are printed on page one)
   * @param columns the number of columns used, counting charts
   * @param blocks each table's first and last row, chart included
   */
  Pager(XSSFSheet sheet, int firstRow, int columns, List<int[]> blocks) {
    this.sheet = sheet;
    this.firstRow = firstRow;
    this.columns = columns;
    this.blocks = blocks;
  }

  void breakBetweenTables() {
    double width = 0;
    for (int c = 0; c < columns; c++) {
      width += sheet.getColumnWidth(c) / 256.0 * 5.6 + 3;
    }
    double scale = Math.min(1.0, PAGE_WIDTH / width);
    double capacity = PAGE_HEIGHT / scale;
    double used = height(0, firstRow - 1);
    int previousEnd = firstRow - 1;
    boolean tableOnPage = false;
    for (int[] b : blocks) {
      double gap = height(previousEnd + 1, b[0] - 1);
      double block = height(b[0], b[1]);
      if (tableOnPage && used + gap + block > capacity) {
        sheet.setRowBreak(b[0] - 1);
        used = 0;
        gap = 0;
      }
      used += gap + block;
      tableOnPage = true;
      while (used > capacity) {
        used -= capacity;
      }
      previousEnd = b[1];
    }
  }

  private double height(int from, int to) {
    double h = 0;
    for (int r = from; r <= to; r++) {
      Row row = sheet.getRow(r);
      h += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
    }
    return h;
  }
}
