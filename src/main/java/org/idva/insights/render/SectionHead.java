package org.idva.insights.render;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTHeaderFooter;

/**
 * What each table sheet of a section copies from the section's sheet in the template, read once:
 * the column widths (first {@value #COLUMNS} columns), the default row height, the rows above the
 * first table marker (title, notes), the page margins and the header and footer.
 */
final class SectionHead {
  static final int COLUMNS = 64;

  /** The width of the columns after those (1/256 character): POI's default for a new sheet. */
  static final int DEFAULT_WIDTH = 8 * 256;

  /** A cell above the tables: its style and value, as the template has it. */
  record HeadCell(int column, int style, byte type, double number, String text) {}

  /** A row above the tables, with its own height in points or -1. */
  record HeadRow(int index, double height, List<HeadCell> cells) {}

  private final int[] widths = new int[COLUMNS];
  private final int defaultWidth;
  private final short defaultRowHeight;
  private final List<HeadRow> rows = new ArrayList<>();
  private final double[] margins = new double[PageMargin.values().length];
  private String oddHeader;
  private String oddFooter;

  /**
   * Reads the section sheet's head: rows {@code 0..firstRow-1}. The header and footer are those POI
   * makes of the section's left, centre and right parts: they are set on the section sheet again
   * (it is removed once its tables are written) and read back.
   */
  SectionHead(XSSFSheet source, int firstRow) {
    for (int c = 0; c < COLUMNS; c++) {
      widths[c] = source.getColumnWidth(c);
    }
    defaultWidth = DEFAULT_WIDTH;
    defaultRowHeight = source.getDefaultRowHeight();
    for (int r = 0; r < firstRow; r++) {
      Row from = source.getRow(r);
      if (from == null) {
        continue;
      }
      double height = -1;
      if (from.isFormatted() || from.getHeight() != source.getDefaultRowHeight()) {
        height = from.getHeight() / 20.0;
      }
      List<HeadCell> cells = new ArrayList<>();
      for (Cell cell : from) {
        int style = cell.getCellStyle().getIndex();
        HeadCell copy =
            switch (cell.getCellType()) {
              case STRING ->
                  new HeadCell(
                      cell.getColumnIndex(), style, SheetGrid.TEXT, 0, cell.getStringCellValue());
              case NUMERIC ->
                  new HeadCell(
                      cell.getColumnIndex(),
                      style,
                      SheetGrid.NUMBER,
                      cell.getNumericCellValue(),
                      null);
              case BOOLEAN ->
                  new HeadCell(
                      cell.getColumnIndex(),
                      style,
                      SheetGrid.BOOLEAN,
                      cell.getBooleanCellValue() ? 1 : 0,
                      null);
              default -> new HeadCell(cell.getColumnIndex(), style, SheetGrid.BLANK, 0, null);
            };
        cells.add(copy);
      }
      rows.add(new HeadRow(r, height, List.copyOf(cells)));
    }
    PageMargin[] all = PageMargin.values();
    for (int i = 0; i < all.length; i++) {
      margins[i] = source.getMargin(all[i]);
    }
    String[] header = {
      source.getHeader().getLeft(), source.getHeader().getCenter(), source.getHeader().getRight()
    };
    String[] footer = {
      source.getFooter().getLeft(), source.getFooter().getCenter(), source.getFooter().getRight()
    };
    source.getHeader().setLeft(header[0]);
    source.getHeader().setCenter(header[1]);
    source.getHeader().setRight(header[2]);
    source.getFooter().setLeft(footer[0]);
    source.getFooter().setCenter(footer[1]);
    source.getFooter().setRight(footer[2]);
    CTHeaderFooter hf = source.getCTWorksheet().getHeaderFooter();
    if (hf != null) {
      oddHeader = hf.isSetOddHeader() ? hf.getOddHeader() : null;
      oddFooter = hf.isSetOddFooter() ? hf.getOddFooter() : null;
    }
  }

  /** Copies the head rows into a table sheet; texts go into the shared strings. */
  void copyTo(TableSheet sheet, SharedText text) {
    for (HeadRow row : rows) {
      SheetGrid.Row to = sheet.grid.row(row.index());
      if (row.height() >= 0) {
        to.height = row.height();
      }
      for (HeadCell c : row.cells()) {
        sheet.grid.blank(row.index(), c.column(), c.style());
        switch (c.type()) {
          case SheetGrid.TEXT -> text.set(sheet.grid, row.index(), c.column(), c.text());
          case SheetGrid.NUMBER -> sheet.grid.number(row.index(), c.column(), c.number());
          case SheetGrid.BOOLEAN -> sheet.grid.bool(row.index(), c.column(), c.number() != 0);
          default -> {}
        }
      }
    }
  }

  int columnWidth(int c) {
    return c < COLUMNS ? widths[c] : defaultWidth;
  }

  double defaultRowHeightPoints() {
    return defaultRowHeight / 20.0;
  }

  /** A page margin of the section's sheet, in inches. */
  double margin(PageMargin m) {
    return margins[m.ordinal()];
  }

  String oddHeader() {
    return oddHeader;
  }

  String oddFooter() {
    return oddFooter;
  }
}
