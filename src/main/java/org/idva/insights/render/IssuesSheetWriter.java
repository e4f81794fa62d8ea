package org.idva.insights.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.IssuesSheet;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.render.FeedbackWorkbookWriter.Styles;

/**
 * The Issues sheet of a checked workbook: a first block saying in one sentence what the service
 * must do next, then every finding, sorted by severity then sheet and row, with a link to its cell,
 * in the service's words (the check code last), and a column where the service can explain a query.
 * The header is frozen, filtered and repeated on every printed page.
 */
final class IssuesSheetWriter {
  private static final int[] WIDTHS = {11, 14, 8, 12, 28, 30, 20, 46, 46, 40, 24};

  private final FindingText words;

  IssuesSheetWriter(FindingText words) {
    this.words = words;
  }

  /** The findings in the order the sheet lists them: severity, then sheet, row and column. */
  static List<Finding> sorted(List<Finding> findings) {
    Map<String, Integer> sheetOrder = new HashMap<>();
    for (Finding f : findings) {
      if (f.location().sheet() != null) {
        sheetOrder.putIfAbsent(f.location().sheet(), sheetOrder.size());
      }
    }
    List<Finding> out = new ArrayList<>(findings);
    out.sort(
        Comparator.comparingInt(IssuesSheetWriter::rank)
            .thenComparingInt(
                (Finding f) ->
                    f.location().sheet() == null ? -1 : sheetOrder.get(f.location().sheet()))
            .thenComparingInt(f -> f.location().row())
            .thenComparingInt(f -> f.location().column()));
    return out;
  }

  private static int rank(Finding f) {
    return switch (f.severity()) {
      case ERROR -> 0;
      case QUERY -> f.isExplained() ? 2 : 1;
      case NOTICE -> 3;
    };
  }

  void write(Sheet sheet, CheckedReturn checked, Styles styles, Set<String> copy, String note) {
    int r = 0;
    int last = IssuesSheet.COLUMNS.size() - 1;
    FeedbackWorkbookWriter.text(
        sheet.createRow(r++).createCell(0),
        "Checks on " + checked.info().fileName(),
        styles,
        styles.title);
    r =
        block(
            sheet,
            r,
            "What to do next: " + NextStep.sentence(checked, words::titleOfCode),
            styles,
            true);
    r =
        block(
            sheet,
            r,
            String.format(
                "Status: %s. %s, %s%s, %s. %,d rows used.",
                checked.status().label(),
                NextStep.plural(NextStep.errors(checked), "error"),
                NextStep.plural(checked.count(Severity.QUERY), "query"),
                NextStep.explained(checked) > 0
                    ? " (" + NextStep.explained(checked) + " explained)"
                    : "",
                NextStep.plural(checked.count(Severity.NOTICE), "notice"),
                checked.rows().size()),
            styles,
            false);
    r = block(sheet, r, note, styles, false);
    r++;
    int headRow = r;
    Row head = sheet.createRow(r++);
    for (int c = 0; c <= last; c++) {
      FeedbackWorkbookWriter.text(
          head.createCell(c), IssuesSheet.COLUMNS.get(c), styles, styles.header);
    }
    for (Finding f : sorted(checked.findings())) {
      Row row = sheet.createRow(r++);
      SourceLocation at = f.location();
      int c = 0;
      FeedbackWorkbookWriter.text(
          row.createCell(c++), FindingText.severity(f), styles, styles.severity(f.severity()));
      FeedbackWorkbookWriter.text(
          row.createCell(c++), at.sheet() == null ? "" : at.sheet(), styles, null);
      link(row.createCell(c++), at, styles, copy);
      FeedbackWorkbookWriter.text(
          row.createCell(c++), f.caseRef() == null ? "" : f.caseRef(), styles, null);
      FeedbackWorkbookWriter.text(
          row.createCell(c++), f.question() == null ? "" : f.question(), styles, styles.wrap);
      FeedbackWorkbookWriter.text(row.createCell(c++), words.title(f), styles, styles.wrap);
      FeedbackWorkbookWriter.text(row.createCell(c++), FindingText.found(f), styles, styles.wrap);
      FeedbackWorkbookWriter.text(row.createCell(c++), f.expected(), styles, styles.wrap);
      FeedbackWorkbookWriter.text(row.createCell(c++), f.fix(), styles, styles.wrap);
      Cell explanation = row.createCell(c++);
      if (f.isExplained()) {
        FeedbackWorkbookWriter.text(explanation, IssuesSheet.KEPT, styles, styles.explain);
      } else if (f.severity() == Severity.QUERY && f.caseRef() != null && f.field() != null) {
        explanation.setCellStyle(styles.explain);
      }
      FeedbackWorkbookWriter.text(row.createCell(c), f.code(), styles, null);
      row.setHeightInPoints(
          15f
              * Math.max(
                  1, Math.max(lines(f.expected(), WIDTHS[7] - 2), lines(f.fix(), WIDTHS[8] - 2))));
    }
    sheet.setAutoFilter(new CellRangeAddress(headRow, Math.max(headRow, r - 1), 0, last));
    sheet.createFreezePane(0, headRow + 1);
    sheet.setRepeatingRows(new CellRangeAddress(headRow, headRow, -1, -1));
    for (int c = 0; c < WIDTHS.length; c++) {
      sheet.setColumnWidth(c, WIDTHS[c] * 256);
    }
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setLandscape(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
  }

  /** A sentence across the list's width, wrapped. */
  private static int block(Sheet sheet, int r, String text, Styles styles, boolean bold) {
    Row row = sheet.createRow(r);
    FeedbackWorkbookWriter.text(
        row.createCell(0), text, styles, bold ? styles.boldWrap : styles.wrap);
    int last = IssuesSheet.COLUMNS.size() - 1;
    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
    int width = 0;
    for (int w : WIDTHS) {
      width += w;
    }
    row.setHeightInPoints(15f * lines(text, width));
    return r + 1;
  }

  /**
   * @param copy the names of the copied return's sheets, or null when the return is not copied
   */
  private static void link(Cell cell, SourceLocation at, Styles styles, Set<String> copy) {
    String ref = FindingText.cell(at);
    FeedbackWorkbookWriter.text(cell, ref, styles, null);
    if (copy != null && at.sheet() != null && copy.contains(at.sheet())) {
      Hyperlink link =
          cell.getSheet().getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
      link.setAddress(
          "'"
              + at.sheet().replace("'", "''")
              + "'!"
              + SourceLocation.columnLetters(Math.max(0, at.column()))
              + Math.max(1, at.row()));
      cell.setHyperlink(link);
      cell.setCellStyle(styles.link);
      if (ref.isEmpty()) {
        cell.setCellValue("sheet");
      }
    }
  }

  /** Lines a wrapped text needs in a column about {@code width} characters wide. */
  static int lines(String text, int width) {
    return text == null || text.isEmpty() ? 1 : (text.length() + width - 1) / width;
  }
}
