package org.idva.insights.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFDataBarFormatting;
import org.apache.poi.xssf.usermodel.XSSFFontFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;

/**
 * Conditional formatting as Excel rules over each table's range, never static fills:
 *
 * <ul>
 *   <li>year on year: a reporting-year % at least {@code yoyPoints} points above (below) the
 *       previous year's % of the same group is filled like the {@code cf_rise} ({@code cf_fall})
 *       style;
 *   <li>data bars (colour of {@code cf_data_bar}) on every % column, scaled 0 to 100%;
 *   <li>small base: values whose column's n is below {@code smallBase} take {@code cf_small_base}'s
 *       font colour and fill.
 * </ul>
 */
final class ConditionalFormats {
  private final MasterStyles styles;
  private final MasterOptions options;

  ConditionalFormats(MasterStyles styles, MasterOptions options) {
    this.styles = styles;
    this.options = options;
  }

  void apply(XSSFSheet sheet, TablePlacement t) {
    if (t.lastRow() < t.firstDataRow() || t.columns().isEmpty()) {
      return;
    }
    XSSFSheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
    // Year on year first: LibreOffice shows only the first format that applies to a cell.
    yearOnYear(cf, t);
    smallBase(cf, t);
    List<CellRangeAddress> pctRanges = new ArrayList<>();
    for (TablePlacement.Column c : t.columns()) {
      if (c.measure().equals("pct")) {
        pctRanges.add(column(t, c));
      }
    }
    if (!pctRanges.isEmpty()) {
      dataBars(cf, pctRanges);
    }
  }

  private void smallBase(XSSFSheetConditionalFormatting cf, TablePlacement t) {
    TablePlacement.Column first = t.columns().get(0);
    String nCell = new CellReference(t.nRow(), first.index(), true, false).formatAsString();
    XSSFConditionalFormattingRule rule =
        cf.createConditionalFormattingRule(
            "AND(ISNUMBER(" + nCell + ")," + nCell + "<" + options.smallBase() + ")");
    XSSFFontFormatting font = rule.createFontFormatting();
    font.setFontColor(styles.fontColor("cf_small_base"));
    font.setFontStyle(true, false);
    PatternFormatting fill = rule.createPatternFormatting();
    fill.setFillBackgroundColor(styles.fill("cf_small_base"));
    fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
    CellRangeAddress all =
        new CellRangeAddress(t.firstDataRow(), t.lastRow(), first.index(), t.lastColumn());
    cf.addConditionalFormatting(new CellRangeAddress[] {all}, rule);
  }

  private void dataBars(XSSFSheetConditionalFormatting cf, List<CellRangeAddress> ranges) {
    XSSFConditionalFormattingRule rule =
        cf.createConditionalFormattingRule(styles.fill("cf_data_bar"));
    XSSFDataBarFormatting bar = rule.getDataBarFormatting();
    bar.getMinThreshold().setRangeType(RangeType.NUMBER);
    bar.getMinThreshold().setValue(0d);
    bar.getMaxThreshold().setRangeType(RangeType.NUMBER);
    bar.getMaxThreshold().setValue(1d);
    bar.setIconOnly(false);
    cf.addConditionalFormatting(ranges.toArray(CellRangeAddress[]::new), rule);
  }

  private void yearOnYear(XSSFSheetConditionalFormatting cf, TablePlacement t) {
    double points = options.yoyPoints() / 100.0;
    for (TablePlacement.Column cur : t.columns()) {
      if (!cur.measure().equals("pct")) {
        continue;
      }
      Optional<TablePlacement.Column> prev = previous(t, cur);
      if (prev.isEmpty()) {
        continue;
      }
      String a = new CellReference(t.firstDataRow(), cur.index(), false, false).formatAsString();
      String b =
          new CellReference(t.firstDataRow(), prev.get().index(), false, false).formatAsString();
      String both = "ISNUMBER(" + a + "),ISNUMBER(" + b + "),";
      XSSFConditionalFormattingRule rise =
          cf.createConditionalFormattingRule(
              "AND(" + both + a + "-" + b + ">=" + points + "-1E-9)");
      fill(rise, "cf_rise");
      XSSFConditionalFormattingRule fall =
          cf.createConditionalFormattingRule(
              "AND(" + both + b + "-" + a + ">=" + points + "-1E-9)");
      fill(fall, "cf_fall");
      cf.addConditionalFormatting(new CellRangeAddress[] {column(t, cur)}, rise, fall);
    }
  }

  private void fill(XSSFConditionalFormattingRule rule, String style) {
    PatternFormatting p = rule.createPatternFormatting();
    p.setFillBackgroundColor(styles.fill(style));
    p.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
    FontFormatting f = rule.createFontFormatting();
    f.setFontStyle(false, true);
    ((XSSFFontFormatting) f).setFontColor(styles.fontColor(style));
  }

  /** The previous year's % column of the same block and group as a reporting-year % column. */
  private static Optional<TablePlacement.Column> previous(
      TablePlacement t, TablePlacement.Column cur) {
    String prevYear;
    try {
      prevYear = String.valueOf(Integer.parseInt(cur.year()) - 1);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    boolean newest =
        t.block(cur.block()).stream().noneMatch(c -> c.year().compareTo(cur.year()) > 0);
    if (!newest) {
      return Optional.empty();
    }
    return t.block(cur.block()).stream()
        .filter(c -> c.measure().equals("pct") && c.year().equals(prevYear))
        .filter(c -> java.util.Objects.equals(c.group(), cur.group()))
        .findFirst();
  }

  /**
   * Rewrites every conditional-format colour as 8-digit ARGB: POI writes font colours of rules as
   * 6-digit RGB, which the file format does not allow (ST_UnsignedIntHex is four bytes).
   */
  static void opaqueColours(org.apache.poi.xssf.usermodel.XSSFWorkbook wb) {
    var styles = wb.getStylesSource();
    for (int i = 0; i < styles._getDXfsSize(); i++) {
      var dxf = styles.getDxfAt(i);
      if (dxf.isSetFont()) {
        for (var color : dxf.getFont().getColorArray()) {
          opaque(color);
        }
      }
      if (dxf.isSetFill() && dxf.getFill().isSetPatternFill()) {
        var fill = dxf.getFill().getPatternFill();
        if (fill.isSetBgColor()) {
          opaque(fill.getBgColor());
        }
        if (fill.isSetFgColor()) {
          opaque(fill.getFgColor());
        }
      }
    }
  }

  private static void opaque(org.openxmlformats.schemas.spreadsheetml.x2006.main.CTColor color) {
    if (color.isSetRgb() && color.getRgb().length == 3) {
      byte[] rgb = color.getRgb();
      color.setRgb(new byte[] {(byte) 0xFF, rgb[0], rgb[1], rgb[2]});
    }
  }

  private static CellRangeAddress column(TablePlacement t, TablePlacement.Column c) {
    return new CellRangeAddress(t.firstDataRow(), t.lastRow(), c.index(), c.index());
  }
}
