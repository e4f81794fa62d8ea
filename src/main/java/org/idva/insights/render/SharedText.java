package org.idva.insights.render;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Sets text cells of one workbook the way {@link Cell#setCellValue(String)} does (a shared string
 * and its index), but looks each text up in POI's shared strings table only the first time: POI
 * serialises every string it is given to find it there, which dominated writing the report's many
 * repeated labels and headings. A blank cell given a text seen before gets that text's index
 * straight away; anything else goes the ordinary way. One instance per workbook.
 *
 * <p>Streamed (SXSSF) sheets add their texts to the shared strings table when their rows are
 * flushed; {@link #streamed} gives them a table that looks texts up the same way, in the same
 * memory.
 */
final class SharedText {
  private static final int MAX = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

  private final Map<String, String> indexes = new HashMap<>();

  void set(Cell cell, String text) {
    if (text == null
        || text.length() > MAX
        || !(cell instanceof XSSFCell)
        || cell.getCellType() != CellType.BLANK) {
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

  /**
   * The workbook's shared strings {@code table} as a streamed sheet's writer is to use it: a plain
   * text seen before gets its index from memory, anything else is added to {@code table}.
   */
  SharedStringsTable streamed(SharedStringsTable table) {
    return new SharedStringsTable() {
      @Override
      public int addSharedStringItem(RichTextString string) {
        if (!(string instanceof XSSFRichTextString rich)
            || rich.numFormattingRuns() > 0
            || !rich.getCTRst().isSetT()) {
          return table.addSharedStringItem(string);
        }
        String text = rich.getCTRst().getT();
        String index = indexes.get(text);
        if (index == null) {
          int added = table.addSharedStringItem(string);
          indexes.put(text, String.valueOf(added));
          return added;
        }
        return Integer.parseInt(index);
      }
    };
  }
}
