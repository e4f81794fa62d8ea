package org.idva.insights.render;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Prints one table sheet legibly: A4 landscape at 100%, or scaled down to fit the page width but
 * never so far that the smallest font prints below {@value #MIN_PRINTED_POINTS} pt; a table still
 * wider runs on over further pages with its label column and headings repeated on each. A chart
 * under the table starts a new page when it would not fit under the table, so it is never split.
 */
final class TablePrint {
  static final double MIN_PRINTED_POINTS = 8;

  /** A4 landscape less the default margins, in points. */
  static final double PAGE_WIDTH = 842 - 2 * 0.7 * 72;

  static final double PAGE_HEIGHT = 595 - 2 * 0.75 * 72 - 2 * 0.3 * 72;

  private TablePrint() {}

  /** The print scale (%) a sheet of this width gets, given its smallest font. */
  static int scale(double widthPoints, double smallestFont) {
    int floor = (int) Math.ceil(MIN_PRINTED_POINTS / smallestFont * 100);
    int fit = (int) Math.floor(PAGE_WIDTH / widthPoints * 100);
    return Math.max(floor, Math.min(100, fit));
  }

  /**
   * Printed points per character of column width: Excel prints about 5.5, LibreOffice (measured on
   * its PDF) about 7; the larger keeps a table inside the page in both.
   */
  static final double POINTS_PER_CHARACTER = 7.0;

  /** The printed width of columns 0 to {@code lastColumn}, in points. */
  static double width(XSSFSheet sheet, int lastColumn) {
    return width(sheet::getColumnWidth, lastColumn);
  }

  static double columnWidth(XSSFSheet sheet, int c) {
    return sheet.getColumnWidth(c) / 256.0 * POINTS_PER_CHARACTER;
  }

  /** The printed width of a table sheet's columns 0 to {@code lastColumn}, in points. */
  static double width(TableSheet sheet, int lastColumn) {
    return width(sheet::columnWidth, lastColumn);
  }

  static double columnWidth(TableSheet sheet, int c) {
    return sheet.columnWidth(c) / 256.0 * POINTS_PER_CHARACTER;
  }

  /** The printed width of columns 0 to {@code lastColumn} of widths {@code widthOf} (1/256 ch). */
  private static double width(java.util.function.IntUnaryOperator widthOf, int lastColumn) {
    double w = 0;
    for (int c = 0; c <= lastColumn; c++) {
      w += widthOf.applyAsInt(c) / 256.0 * POINTS_PER_CHARACTER;
    }
    return w;
  }

  /**
   * Sets up a table sheet for printing: the scale, the rows repeated on every page (the label
   * column is repeated too) and the page break.
   *
   * @param lastColumn the rightmost column used, chart included
   * @param chartRows the first and last row of the chart under the table, or null
   */
  static void setUp(
      TableSheet sheet, TablePlacement t, int lastColumn, int[] chartRows, double smallestFont) {
    int scale = scale(width(sheet, lastColumn), smallestFont);
    sheet.printScale = scale;
    sheet.printTitleRows = new int[] {t.titleRow(), t.nRow()};
    if (chartRows != null) {
      double capacity = PAGE_HEIGHT * 100.0 / scale;
      double repeated = height(sheet, t.titleRow(), t.nRow());
      double above = height(sheet, 0, chartRows[0] - 1);
      double onLastPage = above;
      while (onLastPage > capacity) {
        onLastPage = onLastPage - capacity + repeated;
      }
      double chart = height(sheet, chartRows[0], chartRows[1]);
      if (onLastPage + chart > capacity) {
        sheet.rowBreak = chartRows[0] - 1;
      }
    }
  }

  static double height(TableSheet sheet, int from, int to) {
    double h = 0;
    for (int r = from; r <= to; r++) {
      h += (float) sheet.rowHeightPoints(r);
    }
    return h;
  }

  static double height(XSSFSheet sheet, int from, int to) {
    double h = 0;
    for (int r = from; r <= to; r++) {
      Row row = sheet.getRow(r);
      h += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
    }
    return h;
  }
}
