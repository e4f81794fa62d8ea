package org.idva.insights.render;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Draws a native bar chart next to a table, over the table's own cells (so it follows the figures).
 * Every series gets an explicit solid fill: without one LibreOffice draws no bars. The chart is
 * given to the table's sheet as {@link ChartXml}, written with it.
 */
final class ChartWriter {
  /** Colour-blind-safe palette (Okabe-Ito), one colour per series in order. */
  private static final String[] PALETTE = {
    "0072B2", "E69F00", "56B4E9", "009E73", "CC79A7", "D55E00", "F0E442", "999999"
  };

  private static final int MIN_HEIGHT_ROWS = 16;

  /** A chart never grows taller than this (rows), so it fits on one printed page. */
  static final int MAX_HEIGHT_ROWS = 26;

  /**
   * Draws the chart with its top-left corner at (row, column); returns the rows it covers (0, and
   * draws nothing, when the table has nothing to plot).
   */
  int draw(
      TableSheet cells,
      TablePlacement t,
      ChartCatalog.Spec spec,
      int anchorRow,
      int anchorColumn,
      int widthColumns) {
    int firstRow = t.firstDataRow();
    int lastRow = t.categoryRunEnd();
    List<TablePlacement.Column> columns = seriesColumns(t, spec);
    if (lastRow < firstRow || columns.isEmpty()) {
      return 0;
    }
    int height =
        Math.min(
            MAX_HEIGHT_ROWS,
            Math.max(MIN_HEIGHT_ROWS, (lastRow - firstRow + 1) * columns.size() / 2 + 6));
    String[] labels = new String[lastRow - firstRow + 1];
    for (int r = firstRow; r <= lastRow; r++) {
      labels[r - firstRow] = cells.grid.row(r).text(0);
    }
    List<ChartXml.Series> series = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      TablePlacement.Column c = columns.get(i);
      Double[] figures = new Double[labels.length];
      for (int r = firstRow; r <= lastRow; r++) {
        figures[r - firstRow] = cells.grid.row(r).number(c.index());
      }
      series.add(
          new ChartXml.Series(
              seriesTitle(spec, c),
              PALETTE[i % PALETTE.length],
              range(t, firstRow, lastRow, c.index()),
              figures));
    }
    cells.chart =
        new ChartXml(
            spec.id(),
            spec.title(),
            spec.description(),
            ChartXml.anchor(
                cells, anchorColumn, anchorRow, anchorColumn + widthColumns, anchorRow + height),
            range(t, firstRow, lastRow, 0),
            labels,
            series);
    return height;
  }

  /** A column's cells as a chart refers to them: {@code '1.3'!$C$9:$C$33}. */
  private static String range(TablePlacement t, int firstRow, int lastRow, int column) {
    return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(t.sheet(), true);
  }

  static List<TablePlacement.Column> seriesColumns(TablePlacement t, ChartCatalog.Spec spec) {
    List<TablePlacement.Column> out = new ArrayList<>();
    List<TablePlacement.Column> block = t.block(0);
    String newest =
        block.stream().map(TablePlacement.Column::year).max(String::compareTo).orElse("");
    for (TablePlacement.Column c : block) {
      if (!c.measure().equals("pct")) {
        continue;
      }
      if (spec.series() == ChartCatalog.Series.BY_YEAR && c.group() == null) {
        out.add(c);
      } else if (spec.series() == ChartCatalog.Series.BY_GROUP
          && c.group() != null
          && c.year().equals(newest)) {
        out.add(c);
      }
    }
    return out;
  }

  private static String seriesTitle(ChartCatalog.Spec spec, TablePlacement.Column c) {
    return spec.series() == ChartCatalog.Series.BY_YEAR ? c.year() : c.group();
  }
}
