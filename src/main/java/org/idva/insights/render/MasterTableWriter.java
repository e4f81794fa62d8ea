package org.idva.insights.render;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.TableResult;

/**
 * Writes one table at a given row: title, base, group headings (grids and per-service blocks),
 * column headings ({@code 2023 Count}, {@code 2023 %}, {@code 2022 %}...), the {@code n=} row and
 * the rows, each styled by its kind; then names the range after the table id. The cells go into a
 * {@link TableSheet}, the name into the workbook.
 */
final class MasterTableWriter {
  /** A set of columns from one source: the master has one, a per-service workbook two. */
  record Block(String caption, TableResult table) {}

  private final XSSFWorkbook workbook;
  private final MasterStyles styles;
  private final SharedText text;

  /** A writer of tables into one workbook, whose house styles are {@code styles}. */
  MasterTableWriter(XSSFWorkbook workbook, MasterStyles styles, SharedText text) {
    this.workbook = workbook;
    this.styles = styles;
    this.text = text;
  }

  TablePlacement write(TableSheet sheet, int startRow, List<Block> blocks) {
    SheetGrid grid = sheet.grid;
    TableResult main = blocks.get(0).table();
    int r = startRow;
    int titleRow = r;
    text(sheet, r++, 0, main.fullTitle(), "table_title");
    if (!main.population().isBlank()) {
      text(sheet, r++, 0, "Base: " + main.population(), "table_base");
    }
    List<TablePlacement.Column> columns = new ArrayList<>();
    int col = 1;
    for (int b = 0; b < blocks.size(); b++) {
      TableResult table = blocks.get(b).table();
      for (String key : table.columns()) {
        TablePlacement.Column c = TablePlacement.Column.parse(b, key, col++);
        columns.add(c);
        if (c.measure().equals("value") && hasText(table, key)) {
          // text figures ("3 years 10 months") get their own column: numbers stay numbers
          columns.add(new TablePlacement.Column(b, key, c.year(), c.group(), TEXT, col++));
        }
      }
    }
    boolean groupRow =
        blocks.stream().anyMatch(b -> b.caption() != null)
            || columns.stream().anyMatch(c -> c.group() != null);
    if (groupRow) {
      groupHeadings(sheet, r++, blocks, columns);
    }
    int headerRow = r;
    grid.blank(r, 0, styles.wrapped("header", HorizontalAlignment.LEFT).getIndex());
    text.set(grid, r, 0, labelHeading(main));
    for (TablePlacement.Column c : columns) {
      style(grid, r, c.index(), "header");
      text.set(grid, r, c.index(), c.year() + " " + measureLabel(c.measure()));
    }
    grid.row(r);
    int nRow = ++r;
    r++;
    style(grid, nRow, 0, "n_label");
    text.set(grid, nRow, 0, "n=");
    for (TablePlacement.Column c : columns) {
      TableResult table = blocks.get(c.block()).table();
      Long n = table.n().get(c.nKey());
      style(grid, nRow, c.index(), "n_value");
      if (table.notCollected(c.nKey())) {
        style(grid, nRow, c.index(), "suppressed");
        text.set(grid, nRow, c.index(), NOT_COLLECTED);
      } else if (Suppression.suppressedBase(n)) {
        style(grid, nRow, c.index(), "suppressed");
        text.set(grid, nRow, c.index(), Suppression.MARK);
      } else if (n != null) {
        grid.number(nRow, c.index(), n);
      }
    }
    grid.row(nRow);
    int firstDataRow = r;
    for (int i = 0; i < main.rows().size(); i++) {
      TableResult.Row tr = main.rows().get(i);
      int row = r++;
      grid.row(row);
      style(grid, row, 0, labelStyle(tr));
      text.set(grid, row, 0, tr.label());
      for (TablePlacement.Column c : columns) {
        TableResult table = blocks.get(c.block()).table();
        TableResult.Row source = c.block() == 0 ? tr : matching(table.rows(), tr, i);
        Object v = source == null ? null : source.values().get(c.key());
        if (table.notCollected(c.nKey())) {
          v = null;
        }
        style(grid, row, c.index(), valueStyle(tr.kind(), c.measure()));
        setValue(grid, row, c.index(), v, c.measure());
      }
    }
    int lastRow = r - 1;
    int lastColumn = columns.isEmpty() ? 0 : columns.get(columns.size() - 1).index();
    name(sheet, main.id(), titleRow, lastRow, lastColumn);
    return new TablePlacement(
        main, sheet.name, titleRow, headerRow, nRow, firstDataRow, lastRow, lastColumn, columns);
  }

  /** The measure of a column holding a value column's text figures. */
  static final String TEXT = "text";

  /** Shown in the n= cell of a year in which the question was not asked; its cells stay empty. */
  static final String NOT_COLLECTED = "[x]";

  private static boolean hasText(TableResult t, String key) {
    return t.rows().stream().anyMatch(r -> r.values().get(key) instanceof String s && !isMark(s));
  }

  private static boolean isMark(String s) {
    return s.equals(Suppression.MARK);
  }

  /** The label column's heading: the title when it names the rows, "Answer" under a question. */
  static String labelHeading(TableResult t) {
    if (t.id().equals("headline_figures")) {
      return "Figure";
    }
    return t.title().endsWith("?") || t.title().length() > 60 ? "Answer" : t.title();
  }

  /** The group headings (block captions, grid groups), each merged over its columns, wrapped. */
  private void groupHeadings(
      TableSheet sheet, int r, List<Block> blocks, List<TablePlacement.Column> columns) {
    SheetGrid grid = sheet.grid;
    style(grid, r, 0, "header_group");
    int wrapped = styles.wrapped("header_group", HorizontalAlignment.LEFT).getIndex();
    String previous = null;
    int spanStart = -1;
    for (int i = 0; i <= columns.size(); i++) {
      String shown = null;
      if (i < columns.size()) {
        TablePlacement.Column c = columns.get(i);
        String caption = blocks.get(c.block()).caption();
        String text =
            caption == null ? c.group() : c.group() == null ? caption : caption + ": " + c.group();
        shown = (text == null ? "" : text) + "|" + c.block();
        grid.blank(r, c.index(), wrapped);
        if (!shown.equals(previous)) {
          this.text.set(grid, r, c.index(), text == null ? "" : text);
        }
      }
      if (!java.util.Objects.equals(shown, previous)) {
        if (spanStart >= 0 && columns.get(i - 1).index() > spanStart) {
          sheet.merge(new CellRangeAddress(r, r, spanStart, columns.get(i - 1).index()));
        }
        spanStart = i < columns.size() ? columns.get(i).index() : -1;
      }
      previous = shown;
    }
  }

  /** The row of another block's table for the same label (same position when labels repeat). */
  private static TableResult.Row matching(List<TableResult.Row> rows, TableResult.Row tr, int i) {
    if (i < rows.size() && rows.get(i).label().equals(tr.label())) {
      return rows.get(i);
    }
    return rows.stream().filter(r -> r.label().equals(tr.label())).findFirst().orElse(null);
  }

  private void setValue(SheetGrid grid, int r, int c, Object v, String measure) {
    if (v == null) {
      return;
    }
    if (measure.equals("value") && v instanceof String s && !isMark(s)) {
      return; // in the text column beside
    }
    if (measure.equals(TEXT)) {
      if (v instanceof String s && !isMark(s)) {
        text.set(grid, r, c, s);
      }
      return;
    }
    if (Suppression.MARK.equals(v)) {
      style(grid, r, c, "suppressed");
      text.set(grid, r, c, Suppression.MARK);
    } else if (v instanceof Number num) {
      grid.number(r, c, measure.equals("pct") ? num.doubleValue() / 100.0 : num.doubleValue());
    } else {
      text.set(grid, r, c, v.toString());
    }
  }

  static String measureLabel(String measure) {
    return switch (measure) {
      case "count" -> "Count";
      case "pct" -> "%";
      case "per_100" -> "Per 100";
      case TEXT -> "Text";
      default -> "Value";
    };
  }

  static String labelStyle(TableResult.Row r) {
    return switch (r.kind()) {
      case "missing" -> "label_missing";
      case "subtotal" -> "label_subtotal";
      case "total" -> "label_total";
      case "average", "median" -> "label_summary";
      default -> r.indent() > 0 ? "label_indent" : "label";
    };
  }

  static String valueStyle(String kind, String measure) {
    String m =
        switch (measure) {
          case "pct" -> "pct";
          case "count", "per_100" -> "count";
          case TEXT -> "text_figure";
          default -> "value";
        };
    if (m.equals("text_figure")) {
      return "text";
    }
    return switch (kind) {
      case "missing", "subtotal", "total" -> m.equals("value") ? "value" : m + "_" + kind;
      case "average", "median" -> "value_summary";
      default -> m;
    };
  }

  /** Names the table's range after its id (a name of the template's the same is replaced). */
  private void name(TableSheet sheet, String id, int first, int last, int lastColumn) {
    String nameText = TableNames.of(id);
    XSSFName existing = workbook.getName(nameText);
    if (existing != null) {
      workbook.removeName(existing);
    }
    AreaReference area =
        new AreaReference(
            new CellReference(sheet.name, first, 0, true, true),
            new CellReference(sheet.name, last, lastColumn, true, true),
            SpreadsheetVersion.EXCEL2007);
    sheet.rangeName = nameText;
    sheet.rangeFormula = area.formatAsString();
  }

  private void text(TableSheet sheet, int r, int c, String value, String style) {
    style(sheet.grid, r, c, style);
    text.set(sheet.grid, r, c, value);
  }

  private void style(SheetGrid grid, int r, int c, String style) {
    grid.style(r, c, styles.get(style).getIndex());
  }
}
