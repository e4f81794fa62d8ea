package org.idva.insights.render;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The shared strings of one workbook, as the table sheets use them: a text's index is the one
 * {@code Cell.setCellValue(String)} would give it (POI's table, in the order texts are first met),
 * but each text is looked up in POI's table only the first time, since POI serialises every string
 * it is given to find it there. One instance per workbook.
 */
final class SharedText {
  private static final int MAX = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

  private final SharedStringsTable table;
  private final Map<String, Integer> indexes = new HashMap<>();

  SharedText(XSSFWorkbook workbook) {
    this.table = workbook.getSharedStringSource();
  }

  /** The text's index in the shared strings, added when new. */
  int index(String text) {
    Integer index = indexes.get(text);
    if (index == null) {
      if (text.length() > MAX) {
        throw new IllegalArgumentException(
            "The maximum length of cell contents (text) is " + MAX + " characters");
      }
      index = table.addSharedStringItem(new XSSFRichTextString(text));
      indexes.put(text, index);
    }
    return index;
  }

  /** Sets a cell's text (a null text leaves the cell blank, its style kept). */
  void set(SheetGrid grid, int r, int c, String text) {
    if (text == null) {
      grid.blank(r, c, styleOf(grid, r, c));
      return;
    }
    grid.text(r, c, text, index(text));
  }

  private static int styleOf(SheetGrid grid, int r, int c) {
    SheetGrid.Row row = grid.row(r);
    int at = row.find(c);
    return at >= 0 ? row.styles[at] : 0;
  }
}
