package org.idva.insights.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.idva.insights.model.TableResult;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDxf;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTFont;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPatternFill;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STPatternType;

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
 *
 * <p>The rules are written as XML into each {@link TableSheet}; their formats (one per colour set,
 * shared by every sheet) go into the workbook's styles.
 */
final class ConditionalFormats {
  private final MasterStyles styles;
  private final MasterOptions options;
  private final StylesTable table;
  private final Map<String, Integer> formats = new HashMap<>();

  ConditionalFormats(MasterStyles styles, MasterOptions options, StylesTable table) {
    this.styles = styles;
    this.options = options;
    this.table = table;
  }

  /** The row kinds conditional formats colour: answers, not Missing, totals or summaries. */
  static boolean coloured(TableResult.Row r) {
    return r.kind().equals("category") || r.kind().equals("other");
  }

  void apply(TableSheet cf, TablePlacement t) {
    List<int[]> runs = answerRuns(t);
    List<TablePlacement.Column> columns =
        t.columns().stream().filter(c -> !collectedNot(t, c)).toList();
    if (runs.isEmpty() || columns.isEmpty()) {
      return;
    }
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
      TableSheet cf, TablePlacement t, List<int[]> runs, List<TablePlacement.Column> columns) {
    // one rule: each cell against its own column's n (row absolute, column relative to the first)
    String nCell =
        new CellReference(t.nRow(), columns.get(0).index(), true, false).formatAsString();
    String rule =
        expression(
            cf,
            smallBaseFormat(),
            "AND(ISNUMBER(" + nCell + ")," + nCell + "<" + options.smallBase() + ")");
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
    add(cf, ranges, rule);
  }

  /** Data bars from 0 to 1 (0 to 100%), the value shown beside the bar. */
  private void dataBars(TableSheet cf, List<CellRangeAddress> ranges) {
    String rule =
        "<cfRule type=\"dataBar\" priority=\""
            + cf.nextPriority()
            + "\"><dataBar showValue=\"true\"><cfvo type=\"num\" val=\"0.0\"/>"
            + "<cfvo type=\"num\" val=\"1.0\"/><color rgb=\""
            + styles.fill("cf_data_bar").getARGBHex()
            + "\"/></dataBar></cfRule>";
    add(cf, ranges, rule);
  }

  private static void add(TableSheet cf, List<CellRangeAddress> ranges, String... rules) {
    StringBuilder sqref = new StringBuilder();
    // adjacent ranges joined, as POI and Excel write them
    for (CellRangeAddress r :
        CellRangeUtil.mergeCellRanges(ranges.toArray(CellRangeAddress[]::new))) {
      sqref.append(sqref.length() == 0 ? "" : " ").append(r.formatAsString());
    }
    cf.conditionals.add(new TableSheet.Conditional(sqref.toString(), List.of(rules)));
  }

  /** An expression rule with the next priority of the sheet. */
  private static String expression(TableSheet cf, int format, String formula) {
    return "<cfRule type=\"expression\" dxfId=\""
        + format
        + "\" priority=\""
        + cf.nextPriority()
        + "\"><formula>"
        + PackageXml.escape(formula)
        + "</formula></cfRule>";
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
      TableSheet cf, TablePlacement t, List<int[]> runs, List<TablePlacement.Column> columns) {
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
      String rise =
          expression(
              cf, changeFormat(colours[0]), "AND(" + both + a + "-" + b + ">=" + points + "-1E-9)");
      String fall =
          expression(
              cf, changeFormat(colours[1]), "AND(" + both + b + "-" + a + ">=" + points + "-1E-9)");
      add(cf, ranges(runs, cur.index(), cur.index()), rise, fall);
    }
  }

  /** The format of a change (bold, the style's font colour and fill), added to the styles once. */
  private int changeFormat(String style) {
    return formats.computeIfAbsent(
        "change:" + style,
        k -> {
          CTDxf dxf = CTDxf.Factory.newInstance();
          fill(dxf, styles.fill(style));
          CTFont font = dxf.addNewFont();
          font.addNewB().setVal(true);
          font.addNewColor().setRgb(styles.fontColor(style).getARGB());
          return table.putDxf(dxf) - 1;
        });
  }

  /** The format of a small base (italic, {@code cf_small_base}'s colours), added once. */
  private int smallBaseFormat() {
    return formats.computeIfAbsent(
        "small_base",
        k -> {
          CTDxf dxf = CTDxf.Factory.newInstance();
          CTFont font = dxf.addNewFont();
          font.addNewColor().setRgb(styles.fontColor("cf_small_base").getARGB());
          font.addNewI().setVal(true);
          fill(dxf, styles.fill("cf_small_base"));
          return table.putDxf(dxf) - 1;
        });
  }

  private static void fill(CTDxf dxf, XSSFColor colour) {
    CTPatternFill pattern = dxf.addNewFill().addNewPatternFill();
    pattern.addNewBgColor().setRgb(colour.getARGB());
    pattern.setPatternType(STPatternType.SOLID);
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
