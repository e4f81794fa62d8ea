package org.idva.insights.render;

import java.util.List;
import org.idva.insights.model.TableResult;

/**
 * Where a table was written: its rows (0-based) and one {@link Column} per value column.
 *
 * @param titleRow the row of the title (first row of the named range)
 * @param nRow the row of the bases ({@code n=})
 * @param firstDataRow the first table row
 * @param lastRow the last table row (last row of the named range)
 * @param lastColumn the last column of the named range (the label column is 0)
 */
record TablePlacement(
    TableResult table,
    String sheet,
    int titleRow,
    int headerRow,
    int nRow,
    int firstDataRow,
    int lastRow,
    int lastColumn,
    List<Column> columns) {

  /**
   * One value column.
   *
   * @param block 0 for the first block (the service in a per-service workbook), 1 for the second
   * @param group the grid group ({@code High}, {@code Intake}...) or null
   * @param measure {@code count}, {@code pct}, {@code value} or {@code per_100}
   */
  record Column(int block, String key, String year, String group, String measure, int index) {
    /** The key of this column's base in {@code n}: {@code 2023} or {@code 2023.High}. */
    String nKey() {
      return group == null ? year : year + "." + group;
    }

    static Column parse(int block, String key, int index) {
      int first = key.indexOf('.');
      int last = key.lastIndexOf('.');
      String year = first < 0 ? key : key.substring(0, first);
      String measure = last < 0 ? "value" : key.substring(last + 1);
      String group = first < last ? key.substring(first + 1, last) : null;
      return new Column(block, key, year, group, measure, index);
    }
  }

  List<Column> block(int block) {
    return columns.stream().filter(c -> c.block() == block).toList();
  }

  /** The table rows of kind {@code category} from the first one on, without a gap. */
  int categoryRunEnd() {
    int end = firstDataRow - 1;
    for (TableResult.Row r : table.rows()) {
      if (!r.kind().equals("category")) {
        break;
      }
      end++;
    }
    return end;
  }
}
