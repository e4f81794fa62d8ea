package org.idva.insights.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.Finding;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.render.FeedbackWorkbookWriter.Styles;

/**
 * Colours each cell of the copied return that has a finding (by its most serious one) and gives it
 * one comment listing every finding on it. A cell that already had a comment keeps it, with the
 * findings added below. Each comment is anchored on its own cell, so no two comments can claim one
 * cell (POI refuses that, and the checked copy must never be lost to it).
 */
final class CellMarks {
  static final String AUTHOR = "Idva Insights checks";
  private static final java.util.regex.Pattern ISSUES =
      java.util.regex.Pattern.compile(
          java.util.regex.Pattern.quote(FeedbackWorkbookWriter.ISSUES_SHEET) + "( \\d+)?",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private final FindingText words;

  CellMarks(FindingText words) {
    this.words = words;
  }

  /**
   * Forgets an earlier check in a checked workbook sent back as the return: its Issues sheet, the
   * comments the checks wrote and the colours of the cells they were on go, so the new ones do not
   * pile onto them and a corrected cell is no longer coloured.
   */
  static void forgetEarlierCheck(XSSFWorkbook wb) {
    for (int i = wb.getNumberOfSheets() - 1; i >= 0; i--) {
      if (ISSUES.matcher(wb.getSheetName(i).strip()).matches()) {
        wb.removeSheetAt(i);
      }
    }
    Map<Short, CellStyle> plain = new HashMap<>();
    for (Sheet sheet : wb) {
      List<org.apache.poi.ss.util.CellAddress> ours = new ArrayList<>();
      sheet
          .getCellComments()
          .forEach(
              (at, c) -> {
                if (AUTHOR.equals(c.getAuthor())) {
                  ours.add(at);
                }
              });
      for (org.apache.poi.ss.util.CellAddress at : ours) {
        Row row = sheet.getRow(at.getRow());
        Cell cell = row == null ? null : row.getCell(at.getColumn());
        if (cell != null) {
          cell.removeCellComment();
          unfill(wb, cell, plain);
        }
      }
    }
  }

  /** Takes the checks' colour off a cell they had marked (its other formatting is kept). */
  private static void unfill(XSSFWorkbook wb, Cell cell, Map<Short, CellStyle> plain) {
    CellStyle style = cell.getCellStyle();
    short colour = style.getFillForegroundColor();
    if (style.getFillPattern() != FillPatternType.SOLID_FOREGROUND
        || (colour != Styles.colourOf(org.idva.insights.model.Severity.ERROR)
            && colour != Styles.colourOf(org.idva.insights.model.Severity.QUERY)
            && colour != Styles.colourOf(org.idva.insights.model.Severity.NOTICE))) {
      return;
    }
    cell.setCellStyle(
        plain.computeIfAbsent(
            style.getIndex(),
            k -> {
              CellStyle s = wb.createCellStyle();
              s.cloneStyleFrom(style);
              s.setFillPattern(FillPatternType.NO_FILL);
              return s;
            }));
  }

  void mark(XSSFWorkbook wb, List<Finding> findings, Styles styles) {
    Map<String, List<Finding>> byCell = new LinkedHashMap<>();
    for (Finding f : IssuesSheetWriter.sorted(findings)) {
      SourceLocation at = f.location();
      if (at.sheet() != null && at.hasRow() && at.hasColumn() && wb.getSheet(at.sheet()) != null) {
        byCell.computeIfAbsent(at.sheet() + "\u0000" + at.cell(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<Sheet, Drawing<?>> drawings = new HashMap<>();
    Map<String, CellStyle> fills = new HashMap<>();
    for (List<Finding> onCell : byCell.values()) {
      Finding worst = onCell.get(0);
      SourceLocation at = worst.location();
      Sheet sheet = wb.getSheet(at.sheet());
      Row row = sheet.getRow(at.row() - 1);
      if (row == null) {
        row = sheet.createRow(at.row() - 1);
      }
      Cell cell = row.getCell(at.column());
      if (cell == null) {
        cell = row.createCell(at.column());
      }
      CellStyle base = cell.getCellStyle();
      cell.setCellStyle(
          fills.computeIfAbsent(
              base.getIndex() + "/" + worst.severity(),
              k -> {
                CellStyle s = wb.createCellStyle();
                s.cloneStyleFrom(base);
                s.setFillForegroundColor(styles.colour(worst.severity()));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                return s;
              }));
      String text = words.comment(onCell);
      Comment existing = cell.getCellComment();
      if (existing != null) {
        existing.setString(
            new XSSFRichTextString(existing.getString().getString() + "\n\n" + text));
        continue;
      }
      Drawing<?> drawing = drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
      ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
      anchor.setCol1(at.column());
      anchor.setCol2(at.column() + 4);
      anchor.setRow1(at.row() - 1);
      anchor.setRow2(at.row() + 7);
      Comment comment = drawing.createCellComment(anchor);
      comment.setString(new XSSFRichTextString(text));
      comment.setAuthor(AUTHOR);
      cell.setCellComment(comment);
    }
  }
}
