package org.idva.insights.render;

import java.util.List;

/**
 * A table's bar chart as its sheet's drawing part and the chart part, the XML POI's XDDF charts are
 * written as: a clustered horizontal bar chart over the table's own cells (the figures cached
 * beside each reference), its title, legend at the bottom, the category axis top to bottom and the
 * value axis from 0 as %. The drawing refers to the chart by the relationship {@link #CHART_REL}.
 */
final class ChartXml {
  static final String CHART_REL = "rId1";

  /** One series: its name, solid fill (RGB hex), the cells it plots and their figures. */
  record Series(String title, String colour, String ref, Double[] values) {}

  /** Where the chart sits (columns and rows, 0-based; the end exclusive) and its size in EMU. */
  record Anchor(int col1, int row1, int col2, int row2, long cx, long cy) {}

  private final String id;
  private final String title;
  private final String description;
  private final Anchor anchor;
  private final String labelsRef;
  private final String[] labels;
  private final List<Series> series;

  ChartXml(
      String id,
      String title,
      String description,
      Anchor anchor,
      String labelsRef,
      String[] labels,
      List<Series> series) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.anchor = anchor;
    this.labelsRef = labelsRef;
    this.labels = labels.clone();
    this.series = List.copyOf(series);
  }

  /**
   * The size POI gives a chart's frame: the anchor's columns in whole pixels (7.0017 per character
   * of width) and its rows in pixels of their heights, in EMU (9,525 a pixel).
   */
  static Anchor anchor(TableSheet sheet, int col1, int row1, int col2, int row2) {
    double widthPx = 0;
    for (int c = col1; c < col2; c++) {
      widthPx += (float) (sheet.columnWidth(c) / 256.0 * 7.001699924468994d);
    }
    double heightPx = 0;
    for (int r = row1; r < row2; r++) {
      float points = (float) sheet.rowHeightPoints(r);
      heightPx += (int) Math.rint(12700 * (double) points) / 9525.0;
    }
    return new Anchor(col1, row1, col2, row2, (int) widthPx * 9525L, (int) heightPx * 9525L);
  }

  String drawing() {
    StringBuilder x = new StringBuilder(1500);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\"")
        .append(" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"")
        .append(" xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"")
        .append(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        .append("<xdr:twoCellAnchor editAs=\"twoCell\">");
    corner(x, "from", anchor.col1(), anchor.row1());
    corner(x, "to", anchor.col2(), anchor.row2());
    x.append("<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id=\"0\" name=\"")
        .append(PackageXml.escape("Chart " + id))
        .append("\" title=\"")
        .append(PackageXml.escape(title))
        .append("\" descr=\"")
        .append(PackageXml.escape(description))
        .append("\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>")
        .append("<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"")
        .append(anchor.cx())
        .append("\" cy=\"")
        .append(anchor.cy())
        .append("\"/></xdr:xfrm><a:graphic>")
        .append("<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
        .append("<c:chart r:id=\"")
        .append(CHART_REL)
        .append("\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>")
        .append("</xdr:twoCellAnchor></xdr:wsDr>");
    return x.toString();
  }

  private static void corner(StringBuilder x, String which, int col, int row) {
    x.append("<xdr:")
        .append(which)
        .append("><xdr:col>")
        .append(col)
        .append("</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>")
        .append(row)
        .append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:")
        .append(which)
        .append('>');
  }

  String chart() {
    StringBuilder x = new StringBuilder(4000);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"")
        .append(" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">")
        .append("<c:chart><c:title><c:tx><c:rich><a:bodyPr anchor=\"t\" rtlCol=\"false\"/>")
        .append("<a:lstStyle/><a:p><a:pPr algn=\"l\"><a:defRPr/></a:pPr><a:r><a:rPr lang=\"en\"/>")
        .append("<a:t>")
        .append(PackageXml.escape(title))
        .append("</a:t></a:r><a:endParaRPr lang=\"en-US\" sz=\"1100\"/></a:p></c:rich></c:tx>")
        .append("<c:layout/><c:overlay val=\"false\"/></c:title><c:plotArea><c:layout/>")
        .append("<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/>")
        .append("<c:varyColors val=\"false\"/>");
    for (int i = 0; i < series.size(); i++) {
      series(x, i, series.get(i));
    }
    x.append("<c:axId val=\"0\"/><c:axId val=\"1\"/></c:barChart>")
        .append("<c:catAx><c:axId val=\"0\"/><c:scaling><c:orientation val=\"maxMin\"/>")
        .append("</c:scaling><c:delete val=\"false\"/><c:axPos val=\"l\"/>")
        .append("<c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/>")
        .append("<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1\"/><c:crosses val=\"autoZero\"/>")
        .append("<c:auto val=\"false\"/></c:catAx>")
        .append("<c:valAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"minMax\"/>")
        .append("<c:min val=\"0.0\"/></c:scaling><c:delete val=\"false\"/><c:axPos val=\"b\"/>")
        .append("<c:numFmt formatCode=\"0%\" sourceLinked=\"true\"/>")
        .append("<c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/>")
        .append("<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"0\"/><c:crosses val=\"autoZero\"/>")
        .append("<c:crossBetween val=\"midCat\"/></c:valAx></c:plotArea>")
        .append("<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"false\"/></c:legend>")
        .append("<c:plotVisOnly val=\"true\"/></c:chart><c:printSettings><c:headerFooter/>")
        .append("<c:pageMargins b=\"0.75\" l=\"0.7\" r=\"0.7\" t=\"0.75\" header=\"0.3\"")
        .append(" footer=\"0.3\"/><c:pageSetup/></c:printSettings></c:chartSpace>");
    return x.toString();
  }

  private void series(StringBuilder x, int i, Series s) {
    x.append("<c:ser><c:idx val=\"")
        .append(i)
        .append("\"/><c:order val=\"")
        .append(i)
        .append("\"/><c:tx><c:v>")
        .append(PackageXml.escape(s.title()))
        .append("</c:v></c:tx><c:spPr><a:solidFill><a:srgbClr val=\"")
        .append(s.colour())
        .append("\"/></a:solidFill></c:spPr><c:cat><c:strRef><c:f>")
        .append(PackageXml.escape(labelsRef))
        .append("</c:f><c:strCache><c:ptCount val=\"")
        .append(labels.length)
        .append("\"/>");
    for (int p = 0; p < labels.length; p++) {
      if (labels[p] != null) {
        x.append("<c:pt idx=\"")
            .append(p)
            .append("\"><c:v>")
            .append(PackageXml.escape(labels[p]))
            .append("</c:v></c:pt>");
      }
    }
    x.append("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>")
        .append(PackageXml.escape(s.ref()))
        .append("</c:f><c:numCache><c:ptCount val=\"")
        .append(s.values().length)
        .append("\"/>");
    for (int p = 0; p < s.values().length; p++) {
      if (s.values()[p] != null) {
        x.append("<c:pt idx=\"")
            .append(p)
            .append("\"><c:v>")
            .append(s.values()[p])
            .append("</c:v></c:pt>");
      }
    }
    x.append("</c:numCache></c:numRef></c:val></c:ser>");
  }
}
