package org.idva.insights.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes a {@link TableSheet} as its worksheet part, the XML POI would write for the same sheet
 * (elements in the order the schema requires), without building POI's object model of it.
 */
final class TableSheetXml {
  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet"
          + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
          + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";

  private final StringBuilder x = new StringBuilder(1 << 14);

  private TableSheetXml() {}

  static void write(TableSheet sheet, OutputStream out) throws IOException {
    out.write(xml(sheet).getBytes(StandardCharsets.UTF_8));
  }

  static String xml(TableSheet sheet) {
    TableSheetXml w = new TableSheetXml();
    w.sheet(sheet);
    return w.x.toString();
  }

  private void sheet(TableSheet s) {
    x.append(HEAD);
    if (s.printScale > 0) {
      x.append("<sheetPr><pageSetUpPr fitToPage=\"false\" autoPageBreaks=\"false\"/></sheetPr>");
    }
    dimension(s.grid.rows());
    views(s);
    x.append("<sheetFormatPr defaultRowHeight=\"")
        .append(s.defaultRowHeightPoints())
        .append("\" customHeight=\"true\"/>");
    cols(s);
    rows(s.grid.rows());
    if (!s.merges.isEmpty()) {
      x.append("<mergeCells count=\"").append(s.merges.size()).append("\">");
      for (CellRangeAddress m : s.merges) {
        x.append("<mergeCell ref=\"").append(m.formatAsString()).append("\"/>");
      }
      x.append("</mergeCells>");
    }
    for (TableSheet.Conditional c : s.conditionals) {
      x.append("<conditionalFormatting sqref=\"").append(c.sqref()).append("\">");
      c.rules().forEach(x::append);
      x.append("</conditionalFormatting>");
    }
    if (!s.links.isEmpty()) {
      x.append("<hyperlinks>");
      for (TableSheet.Link l : s.links) {
        x.append("<hyperlink location=\"")
            .append(PackageXml.escape(l.location()))
            .append("\" ref=\"")
            .append(l.ref())
            .append("\"/>");
      }
      x.append("</hyperlinks>");
    }
    margins(s.head);
    if (s.printScale > 0) {
      x.append("<pageSetup orientation=\"landscape\" paperSize=\"9\" scale=\"")
          .append(s.printScale)
          .append("\"/>");
    }
    headerFooter(s.head);
    if (s.rowBreak >= 0) {
      // the id is the first row of the next page (1-based), as POI's setRowBreak writes it
      x.append("<rowBreaks count=\"1\" manualBreakCount=\"1\"><brk id=\"")
          .append(s.rowBreak + 1)
          .append("\" man=\"true\" max=\"16383\"/></rowBreaks>");
    }
    if (s.drawingId != null) {
      x.append("<drawing r:id=\"").append(s.drawingId).append("\"/>");
    }
    x.append("</worksheet>");
  }

  /** The used range, as POI computes it: first to last row, leftmost to rightmost cell. */
  private void dimension(List<SheetGrid.Row> rows) {
    int minCell = Integer.MAX_VALUE;
    int maxCell = Integer.MIN_VALUE;
    for (SheetGrid.Row r : rows) {
      if (r.size > 0) {
        minCell = Math.min(minCell, r.columns[0]);
        maxCell = Math.max(maxCell, r.columns[r.size - 1]);
      }
    }
    if (minCell == Integer.MAX_VALUE) {
      return;
    }
    CellRangeAddress used =
        new CellRangeAddress(rows.get(0).index, rows.get(rows.size() - 1).index, minCell, maxCell);
    x.append("<dimension ref=\"").append(used.formatAsString()).append("\"/>");
  }

  private void views(TableSheet s) {
    x.append("<sheetViews><sheetView");
    if (s.selected) {
      x.append(" tabSelected=\"true\"");
    }
    x.append(" workbookViewId=\"0\"");
    int cols = s.freezeColumns;
    int rows = s.freezeRows;
    if (cols == 0 && rows == 0) {
      x.append("/></sheetViews>");
      return;
    }
    String pane = cols > 0 && rows > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    x.append("><pane");
    if (cols > 0) {
      x.append(" xSplit=\"").append((double) cols).append('"');
    }
    if (rows > 0) {
      x.append(" ySplit=\"").append((double) rows).append('"');
    }
    x.append(" topLeftCell=\"")
        .append(new CellReference(rows, cols).formatAsString())
        .append("\" activePane=\"")
        .append(pane)
        .append("\" state=\"frozen\"/><selection pane=\"")
        .append(pane)
        .append("\"/></sheetView></sheetViews>");
  }

  private void cols(TableSheet s) {
    x.append("<cols>");
    for (int c = 0; c < SectionHead.COLUMNS; c++) {
      x.append("<col min=\"")
          .append(c + 1)
          .append("\" max=\"")
          .append(c + 1)
          .append("\" width=\"")
          .append(s.columnWidth(c) / 256.0)
          .append("\" customWidth=\"true\"/>");
    }
    x.append("</cols>");
  }

  private void rows(List<SheetGrid.Row> rows) {
    x.append("<sheetData>");
    for (SheetGrid.Row r : rows) {
      int number = r.index + 1;
      x.append("<row r=\"").append(number).append('"');
      if (r.height >= 0) {
        x.append(" ht=\"").append(r.height).append("\" customHeight=\"true\"");
      }
      if (r.size == 0) {
        x.append("/>");
        continue;
      }
      x.append('>');
      for (int i = 0; i < r.size; i++) {
        x.append("<c r=\"");
        column(r.columns[i]);
        x.append(number).append("\" s=\"").append(r.styles[i]).append('"');
        switch (r.types[i]) {
          case SheetGrid.TEXT ->
              x.append(" t=\"s\"><v>").append((int) r.values[i]).append("</v></c>");
          case SheetGrid.NUMBER -> x.append(" t=\"n\"><v>").append(r.values[i]).append("</v></c>");
          case SheetGrid.BOOLEAN ->
              x.append(" t=\"b\"><v>").append((int) r.values[i]).append("</v></c>");
          default -> x.append("/>");
        }
      }
      x.append("</row>");
    }
    x.append("</sheetData>");
  }

  /** Appends the column's letters ({@code A}, {@code AB}). */
  private void column(int c) {
    int at = x.length();
    int n = c + 1;
    while (n > 0) {
      int rem = (n - 1) % 26;
      x.insert(at, (char) ('A' + rem));
      n = (n - 1) / 26;
    }
  }

  private void margins(SectionHead head) {
    x.append("<pageMargins");
    for (PageMargin m :
        List.of(
            PageMargin.BOTTOM,
            PageMargin.FOOTER,
            PageMargin.HEADER,
            PageMargin.LEFT,
            PageMargin.RIGHT,
            PageMargin.TOP)) {
      x.append(' ')
          .append(m.name().toLowerCase(java.util.Locale.ROOT))
          .append("=\"")
          .append(head.margin(m))
          .append('"');
    }
    x.append("/>");
  }

  private void headerFooter(SectionHead head) {
    if (head.oddHeader() == null && head.oddFooter() == null) {
      return;
    }
    x.append("<headerFooter>");
    if (head.oddHeader() != null) {
      x.append("<oddHeader>").append(PackageXml.escape(head.oddHeader())).append("</oddHeader>");
    }
    if (head.oddFooter() != null) {
      x.append("<oddFooter>").append(PackageXml.escape(head.oddFooter())).append("</oddFooter>");
    }
    x.append("</headerFooter>");
  }
}
