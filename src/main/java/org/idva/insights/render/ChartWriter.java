package org.idva.insights.render;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;

/**
 * Draws a native bar chart next to a table, over the table's own cells (so it follows the figures).
 * Every series gets an explicit solid fill: without one LibreOffice draws no bars. The drawing is
 * POI's, on the table's (empty) POI sheet; the figures cached in the chart are the table sheet's.
 */
final class ChartWriter {
  /** Colour-blind-safe palette (Okabe-Ito), one colour per series in order. */
  private static final byte[][] PALETTE = {
    rgb(0x00, 0x72, 0xB2), rgb(0xE6, 0x9F, 0x00), rgb(0x56, 0xB4, 0xE9), rgb(0x00, 0x9E, 0x73),
    rgb(0xCC, 0x79, 0xA7), rgb(0xD5, 0x5E, 0x00), rgb(0xF0, 0xE4, 0x42), rgb(0x99, 0x99, 0x99)
  };

  private static final int MIN_HEIGHT_ROWS = 16;

  /** A chart never grows taller than this (rows), so it fits on one printed page. */
  static final int MAX_HEIGHT_ROWS = 26;

  /**
   * Draws the chart with its top-left corner at (row, column); returns the rows it covers (0, and
   * draws nothing, when the table has nothing to plot).
   */
  int draw(
      XSSFSheet sheet,
      TableSheet cells,
      TablePlacement t,
      ChartCatalog.Spec spec,
      int anchorRow,
      int anchorColumn,
      int widthColumns) {
    int firstRow = t.firstDataRow();
    int lastRow = t.categoryRunEnd();
    List<TablePlacement.Column> series = seriesColumns(t, spec);
    if (lastRow < firstRow || series.isEmpty()) {
      return 0;
    }
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    int height =
        Math.min(
            MAX_HEIGHT_ROWS,
            Math.max(MIN_HEIGHT_ROWS, (lastRow - firstRow + 1) * series.size() / 2 + 6));
    XSSFClientAnchor anchor =
        drawing.createAnchor(
            0, 0, 0, 0, anchorColumn, anchorRow, anchorColumn + widthColumns, anchorRow + height);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(spec.title());
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    altText(chart, spec);

    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
    categories.setOrientation(AxisOrientation.MAX_MIN);
    XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
    values.setCrosses(AxisCrosses.AUTO_ZERO);
    values.setMinimum(0);
    values.setNumberFormat("0%");
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
    data.setBarDirection(BarDirection.BAR);
    data.setBarGrouping(BarGrouping.CLUSTERED);
    data.setVaryColors(false);

    String[] texts = new String[lastRow - firstRow + 1];
    for (int r = firstRow; r <= lastRow; r++) {
      texts[r - firstRow] = cells.grid.row(r).text(0);
    }
    XDDFDataSource<String> labels =
        XDDFDataSourcesFactory.fromArray(texts, range(t, firstRow, lastRow, 0));
    for (int i = 0; i < series.size(); i++) {
      TablePlacement.Column c = series.get(i);
      Double[] figures = new Double[texts.length];
      for (int r = firstRow; r <= lastRow; r++) {
        figures[r - firstRow] = cells.grid.row(r).number(c.index());
      }
      XDDFNumericalDataSource<Double> numbers =
          XDDFDataSourcesFactory.fromArray(figures, range(t, firstRow, lastRow, c.index()));
      XDDFBarChartData.Series s = (XDDFBarChartData.Series) data.addSeries(labels, numbers);
      s.setTitle(seriesTitle(spec, c), null);
      XDDFShapeProperties shape = new XDDFShapeProperties();
      shape.setFillProperties(
          new XDDFSolidFillProperties(XDDFColor.from(PALETTE[i % PALETTE.length])));
      s.setShapeProperties(shape);
    }
    chart.plot(data);
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

  private static void altText(XSSFChart chart, ChartCatalog.Spec spec) {
    CTNonVisualDrawingProps props =
        chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
    props.setTitle(spec.title());
    props.setDescr(spec.description());
    props.setName("Chart " + spec.id());
  }

  private static byte[] rgb(int r, int g, int b) {
    return new byte[] {(byte) r, (byte) g, (byte) b};
  }
}
