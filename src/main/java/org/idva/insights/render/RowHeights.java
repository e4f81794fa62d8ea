package org.idva.insights.render;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

/**
 * Gives rows with large fonts or wrapped text the height they need: readers do not all recompute
 * heights on opening (LibreOffice does not for files without cached heights), and overlapping lines
 * look unfinished. Heights are estimated from text length, column width and font size.
 */
final class RowHeights {
  private RowHeights() {}

  /**
   * Fits a table sheet's rows as {@link #fit(XSSFSheet)} does a POI sheet's; {@code styles} gives
   * the workbook's style of an index.
   */
  static void fit(TableSheet sheet, java.util.function.IntFunction<XSSFCellStyle> styles) {
    java.util.Map<Long, Integer> mergedWidths = new java.util.HashMap<>();
    for (var region : sheet.merges) {
      int w = 0;
      for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
        w += sheet.columnWidth(c);
      }
      mergedWidths.put(((long) region.getFirstRow() << 20) | region.getFirstColumn(), w);
    }
    float defaultHeight = (float) sheet.defaultRowHeightPoints();
    for (SheetGrid.Row row : sheet.grid.rows()) {
      float needed = 0;
      for (int i = 0; i < row.size; i++) {
        if (row.types[i] != SheetGrid.TEXT) {
          continue;
        }
        XSSFCellStyle style = styles.apply(row.styles[i]);
        double points = style.getFont().getFontHeightInPoints();
        int lines = 1;
        if (style.getWrapText()) {
          long key = ((long) row.index << 20) | row.columns[i];
          Integer width = mergedWidths.get(key);
          if (width == null) {
            width = sheet.columnWidth(row.columns[i]);
          }
          lines = lines(row.texts[i], width, points);
        }
        needed = (float) Math.max(needed, lines * points * 1.4 + 2);
      }
      float current = row.height < 0 ? defaultHeight : (float) row.height;
      if (needed > defaultHeight + 0.5 && needed > current) {
        sheet.rowHeightPoints(row.index, needed);
      }
    }
  }

  /** The lines a wrapped text takes in a column {@code width} (1/256 character) wide. */
  private static int lines(String text, int width, double points) {
    double widthChars = width / 256.0;
    double perLine = Math.max(8, widthChars * 10.0 / points * 1.1);
    int lines = 0;
    for (String part : text.split("\n", -1)) {
      lines += Math.max(1, (int) Math.ceil(part.length() / perLine));
    }
    return lines;
  }

  static void fit(XSSFSheet sheet) {
    java.util.Map<Long, Integer> mergedWidths = new java.util.HashMap<>();
    for (var region : sheet.getMergedRegions()) {
      int w = 0;
      for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
        w += sheet.getColumnWidth(c);
      }
      mergedWidths.put(((long) region.getFirstRow() << 20) | region.getFirstColumn(), w);
    }
    java.util.Map<Long, XSSFCellStyle> styles = new java.util.HashMap<>();
    java.util.Map<Long, Double> fontPoints = new java.util.HashMap<>();
    java.util.Map<Integer, Integer> columnWidths = new java.util.HashMap<>();
    for (Row row : sheet) {
      float needed = 0;
      for (Cell cell : row) {
        if (cell.getCellType() != CellType.STRING) {
          continue;
        }
        // a style's font size and wrapping looked up once per sheet, not once per cell
        CTCell ct = ((XSSFCell) cell).getCTCell();
        long index = ct.isSetS() ? ct.getS() : 0;
        XSSFCellStyle style =
            styles.computeIfAbsent(index, i -> (XSSFCellStyle) cell.getCellStyle());
        double points =
            fontPoints.computeIfAbsent(index, i -> style.getFont().getFontHeightInPoints() * 1.0);
        int lines = 1;
        if (style.getWrapText()) {
          long key = ((long) row.getRowNum() << 20) | cell.getColumnIndex();
          Integer width = mergedWidths.get(key);
          if (width == null) {
            width = columnWidths.computeIfAbsent(cell.getColumnIndex(), sheet::getColumnWidth);
          }
          lines = lines(cell.getStringCellValue(), width, points);
        }
        needed = (float) Math.max(needed, lines * points * 1.4 + 2);
      }
      if (needed > sheet.getDefaultRowHeightInPoints() + 0.5 && needed > row.getHeightInPoints()) {
        row.setHeightInPoints(needed);
      }
    }
  }
}
