package org.idva.insights.render;

import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The queries in the current returns, open and explained, per service: written at the notes sheet's
 * {@code {{queries}}} marker so the analyst sees at a glance which services still owe an answer. A
 * service's own workbook shows its own row only.
 */
public final class QueryCounts {
  /** No counts to show (a report rendered from a tables file, with no store behind it). */
  public static final QueryCounts NONE = new QueryCounts(null);

  private final Map<String, int[]> byService;

  private QueryCounts(Map<String, int[]> byService) {
    this.byService = byService;
  }

  /**
   * @param byService service code to {open, explained}
   */
  public static QueryCounts of(Map<String, int[]> byService) {
    return new QueryCounts(new TreeMap<>(byService));
  }

  /** The counts of one service only (zero when it has none). */
  QueryCounts only(String service) {
    if (byService == null) {
      return NONE;
    }
    return new QueryCounts(Map.of(service, byService.getOrDefault(service, new int[2])));
  }

  boolean available() {
    return byService != null;
  }

  /** Writes the block at (row, column); returns the row after it. */
  int write(XSSFSheet sheet, int row, int column, MasterStyles styles) {
    int r = row;
    if (byService.isEmpty()) {
      text(sheet, r++, column, "No queries in the returns received.", styles, "text");
      return r;
    }
    text(sheet, r, column, "Service", styles, "header");
    text(sheet, r, column + 1, "Open queries", styles, "header");
    text(sheet, r++, column + 2, "Explained queries", styles, "header");
    int open = 0;
    int explained = 0;
    for (Map.Entry<String, int[]> e : byService.entrySet()) {
      text(sheet, r, column, e.getKey(), styles, "label");
      number(sheet, r, column + 1, e.getValue()[0], styles);
      number(sheet, r++, column + 2, e.getValue()[1], styles);
      open += e.getValue()[0];
      explained += e.getValue()[1];
    }
    if (byService.size() > 1) {
      text(sheet, r, column, "All services", styles, "label_total");
      number(sheet, r, column + 1, open, styles);
      number(sheet, r++, column + 2, explained, styles);
    }
    return r;
  }

  private static void text(
      XSSFSheet sheet, int r, int c, String value, MasterStyles styles, String style) {
    var cell = row(sheet, r).createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(styles.get(style));
  }

  private static void number(XSSFSheet sheet, int r, int c, int value, MasterStyles styles) {
    var cell = row(sheet, r).createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(styles.get("count"));
  }

  private static XSSFRow row(XSSFSheet sheet, int r) {
    XSSFRow row = sheet.getRow(r);
    return row != null ? row : sheet.createRow(r);
  }
}
