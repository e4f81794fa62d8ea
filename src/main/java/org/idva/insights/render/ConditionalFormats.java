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
import org.idva.insights.model.TableResult;

/**
 * Conditional formatting as Excel rules over each table's answer rows only (never the n= row,
 * Missing, subtotals, totals, averages or medians, never a year in which the question was not
 * asked), never static fills:
 *
 * <ul>
 *   <li>year on year: a reporting-year % at least {@code yoyPoints} points above (below) the
 *       previous year's % of the same group. Where the table says a higher % is {@code better}, a
 *       rise takes {@code cf_better}'s colours and a fall {@code cf_worse}'s ({@code worse}: the
 *       other way round); otherwise ({@code neutral}) a rise takes {@code cf_rise}, a fall {@code
 *       cf_fall}, colours that say "changed", not "good" or "bad";
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

  /** The row kinds conditional formats colour: answers, not Missing, totals or summaries. */
  static boolean coloured(TableResult.Row r) {
    return r.kind().equals("category") || r.kind().equals("other");
  }

  void apply(XSSFSheet sheet, TablePlacement t) {
    List<int[]> runs = answerRuns(t);
    List<TablePlacement.Column> columns =
        t.columns().stream().filter(c -> !collectedNot(t, c)).toList();
    if (runs.isEmpty() || columns.isEmpty()) {
      return;
    }
    XSSFSheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
    // Year on year first: LibreOffice shows only the first format that applies to a cell.
    yearOnYear(cf, t, runs, columns);
    smallBase(cf, t, runs, columns);
    List<CellRangeAddress> pctRanges = new ArrayList<>();
    for (TablePlacement.Column c : columns) {
      if (c.measure().equals("pct")) {
        pctRanges.addAll(ranges(runs, c.index(), c.index()));
      }
    }
    if (!pctRanges.isEmpty()) {
      dataBars(cf, pctRanges);
    }
  }

  private static boolean collectedNot(TablePlacement t, TablePlacement.Column c) {
    return t.table().notCollected(c.nKey());
  }

  /** The sheet rows (first, last) of each run of answer rows. */
  static List<int[]> answerRuns(TablePlacement t) {
    List<int[]> runs = new ArrayList<>();
    List<TableResult.Row> rows = t.table().rows();
    int start = -1;
    for (int i = 0; i <= rows.size(); i++) {
      boolean in = i < rows.size() && coloured(rows.get(i));
      if (in && start < 0) {
        start = i;
      } else if (!in && start >= 0) {
        runs.add(new int[] {t.firstDataRow() + start, t.firstDataRow() + i - 1});
        start = -1;
      }
    }
    return runs;
  }

  private static List<CellRangeAddress> ranges(List<int[]> runs, int firstCol, int lastCol) {
    List<CellRangeAddress> out = new ArrayList<>();
    for (int[] run : runs) {
      out.add(new CellRangeAddress(run[0], run[1], firstCol, lastCol));
    }
    return out;
  }

  private void smallBase(
      XSSFSheetConditionalFormatting cf,
      TablePlacement t,
      List<int[]> runs,
      List<TablePlacement.Column> columns) {
    // one rule: each cell against its own column's n (row absolute, column relative to the first)
    String nCell =
        new CellReference(t.nRow(), columns.get(0).index(), true, false).formatAsString();
    XSSFConditionalFormattingRule rule =
        cf.createConditionalFormattingRule(
            "AND(ISNUMBER(" + nCell + ")," + nCell + "<" + options.smallBase() + ")");
    XSSFFontFormatting font = rule.createFontFormatting();
    font.setFontColor(styles.fontColor("cf_small_base"));
    font.setFontStyle(true, false);
    PatternFormatting fill = rule.createPatternFormatting();
    fill.setFillBackgroundColor(styles.fill("cf_small_base"));
    fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
    List<CellRangeAddress> ranges = new ArrayList<>();
    int spanStart = columns.get(0).index();
    for (int i = 1; i <= columns.size(); i++) {
      if (i == columns.size() || columns.get(i).index() != columns.get(i - 1).index() + 1) {
        ranges.addAll(ranges(runs, spanStart, columns.get(i - 1).index()));
        if (i < columns.size()) {
          spanStart = columns.get(i).index();
        }
      }
    }
    cf.addConditionalFormatting(ranges.toArray(CellRangeAddress[]::new), rule);
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

  /** The styles of a rise and a fall for a table's direction. */
  static String[] riseAndFall(String higherIs) {
    return switch (higherIs) {
      case "better" -> new String[] {"cf_better", "cf_worse"};
      case "worse" -> new String[] {"cf_worse", "cf_better"};
      default -> new String[] {"cf_rise", "cf_fall"};
    };
  }

  private void yearOnYear(
      XSSFSheetConditionalFormatting cf,
      TablePlacement t,
      List<int[]> runs,
      List<TablePlacement.Column> columns) {
    double points = options.yoyPoints() / 100.0;
    String[] colours = riseAndFall(t.table().higherIs());
    for (TablePlacement.Column cur : columns) {
      if (!cur.measure().equals("pct")) {
        continue;
      }
      Optional<TablePlacement.Column> prev = previous(t, cur);
      if (prev.isEmpty() || collectedNot(t, prev.get())) {
        continue;
      }
      int top = runs.get(0)[0];
      String a = new CellReference(top, cur.index(), false, false).formatAsString();
      String b = new CellReference(top, prev.get().index(), false, false).formatAsString();
      String both = "ISNUMBER(" + a + "),ISNUMBER(" + b + "),";
      XSSFConditionalFormattingRule rise =
          cf.createConditionalFormattingRule(
              "AND(" + both + a + "-" + b + ">=" + points + "-1E-9)");
      fill(rise, colours[0]);
      XSSFConditionalFormattingRule fall =
          cf.createConditionalFormattingRule(
              "AND(" + both + b + "-" + a + ">=" + points + "-1E-9)");
      fill(fall, colours[1]);
      cf.addConditionalFormatting(
          ranges(runs, cur.index(), cur.index()).toArray(CellRangeAddress[]::new), rise, fall);
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
}
