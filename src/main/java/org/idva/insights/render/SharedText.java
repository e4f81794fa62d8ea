package org.idva.insights.render;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Sets text cells of one workbook the way {@link Cell#setCellValue(String)} does (a shared string
 * and its index), but looks each text up in POI's shared strings table only the first time: POI
 * serialises every string it is given to find it there, which dominated writing the report's many
 * repeated labels and headings. A blank cell given a text seen before gets that text's index
 * straight away; anything else goes the ordinary way. One instance per workbook.
 */
final class SharedText {
  private static final int MAX = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

  private final Map<String, String> indexes = new HashMap<>();

  void set(Cell cell, String text) {
    if (text == null || text.length() > MAX || cell.getCellType() != CellType.BLANK) {
      cell.setCellValue(text);
      return;
    }
    CTCell ct = ((XSSFCell) cell).getCTCell();
    String index = indexes.get(text);
    if (index == null) {
      cell.setCellValue(text);
      indexes.put(text, ct.getV());
      return;
    }
    ct.setT(STCellType.S);
    ct.setV(index);
  }
}
