package org.idva.insights.render;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Gives rows with large fonts or wrapped text the height they need: readers do not all recompute
 * heights on opening (LibreOffice does not for files without cached heights), and overlapping lines
 * look unfinished. Heights are estimated from text length, column width and font size.
 */
final class RowHeights {
  private RowHeights() {}

  static void fit(XSSFSheet sheet) {
    java.util.Map<Long, Integer> mergedWidths = new java.util.HashMap<>();
    for (var region : sheet.getMergedRegions()) {
      int w = 0;
      for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
        w += sheet.getColumnWidth(c);
      }
      mergedWidths.put(((long) region.getFirstRow() << 20) | region.getFirstColumn(), w);
    }
    for (Row row : sheet) {
      float needed = 0;
      for (Cell cell : row) {
        if (cell.getCellType() != CellType.STRING) {
          continue;
        }
        XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
        double points = style.getFont().getFontHeightInPoints();
        int lines = 1;
        if (style.getWrapText()) {
          long key = ((long) row.getRowNum() << 20) | cell.getColumnIndex();
          double widthChars =
              mergedWidths.getOrDefault(key, sheet.getColumnWidth(cell.getColumnIndex())) / 256.0;
          double perLine = Math.max(8, widthChars * 10.0 / points * 1.1);
          lines = 0;
          for (String part : cell.getStringCellValue().split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(part.length() / perLine));
          }
        }
        needed = (float) Math.max(needed, lines * points * 1.4 + 2);
      }
      if (needed > sheet.getDefaultRowHeightInPoints() + 0.5 && needed > row.getHeightInPoints()) {
        row.setHeightInPoints(needed);
      }
    }
  }
}
