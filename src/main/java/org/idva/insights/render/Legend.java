package org.idva.insights.render;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFDataBarFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The legend of the conditional formats and symbols, written at the notes sheet's marker. */
final class Legend {
  private final MasterStyles styles;
  private final MasterOptions options;

  Legend(MasterStyles styles, MasterOptions options) {
    this.styles = styles;
    this.options = options;
  }

  int write(XSSFSheet sheet, int row, int column) {
    int r = row;
    line(
        sheet,
        r++,
        column,
        0.52,
        "cf_better",
        "Better: this year's % at least "
            + options.yoyPoints()
            + " points above or below last year's, in the direction the table calls better.");
    line(
        sheet,
        r++,
        column,
        0.31,
        "cf_worse",
        "Worse: this year's % moved at least "
            + options.yoyPoints()
            + " points in the direction the table calls worse.");
    line(
        sheet,
        r++,
        column,
        0.52,
        "cf_rise",
        "Up: this year's % at least "
            + options.yoyPoints()
            + " points above last year's, in a table where a higher % is neither better nor"
            + " worse.");
    line(
        sheet,
        r++,
        column,
        0.31,
        "cf_fall",
        "Down: this year's % at least "
            + options.yoyPoints()
            + " points below last year's, in such a table. Colours are never on n, Missing,"
            + " total or subtotal rows.");
    int bar = r;
    line(
        sheet,
        r++,
        column,
        0.6,
        "pct",
        "Data bar: the bar's length is the % (0% to 100%), on every % column.");
    XSSFConditionalFormattingRule rule =
        sheet
            .getSheetConditionalFormatting()
            .createConditionalFormattingRule(styles.fill("cf_data_bar"));
    XSSFDataBarFormatting db = rule.getDataBarFormatting();
    db.getMinThreshold().setRangeType(RangeType.NUMBER);
    db.getMinThreshold().setValue(0d);
    db.getMaxThreshold().setRangeType(RangeType.NUMBER);
    db.getMaxThreshold().setValue(1d);
    sheet
        .getSheetConditionalFormatting()
        .addConditionalFormatting(
            new CellRangeAddress[] {new CellRangeAddress(bar, bar, column, column)}, rule);
    line(
        sheet,
        r++,
        column,
        0.4,
        "cf_small_base",
        "Base n below "
            + options.smallBase()
            + ": the figure rests on very few cases; read it with care.");
    line(
        sheet,
        r++,
        column,
        Suppression.MARK,
        "suppressed",
        "In a single service's workbook: not shown, so that no count from 1 to "
            + options.suppressUpTo()
            + " can be worked out (docs/disclosure.md).");
    line(
        sheet,
        r++,
        column,
        MasterTableWriter.NOT_COLLECTED,
        "suppressed",
        "Not collected: the question was not asked that year; its cells are empty.");
    line(
        sheet,
        r++,
        column,
        "",
        "count",
        "Blank cell: the figure was not reported for that year or group.");
    return r - row;
  }

  private void line(XSSFSheet sheet, int r, int c, Object sample, String style, String text) {
    Row row = MasterWorkbookWriter.row(sheet, r);
    Cell s = row.createCell(c);
    s.setCellStyle(styles.get(style));
    if (sample instanceof Double d) {
      s.setCellValue(d);
    } else if (!sample.toString().isEmpty()) {
      s.setCellValue(sample.toString());
    }
    Cell t = row.createCell(c + 1);
    t.setCellStyle(styles.get("text"));
    t.setCellValue(text);
  }
}
