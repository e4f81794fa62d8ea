package org.idva.insights.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;

/**
 * The service's own workbook back: a copy of their return with each offending cell filled (red
 * error, amber query, blue notice) and commented (what is wrong, what was expected, how to fix),
 * and a first sheet "Issues" listing every finding with a link to its cell and a count per check.
 * Everything written is a plain text or number cell: text that looks like a formula ({@code =},
 * {@code +}, {@code -}, {@code @}) is quote-prefixed and stays inert.
 */
public final class FeedbackWorkbookWriter {
  public static final String ISSUES_SHEET = "Issues";

  private final Function<String, String> titles;

  /**
   * @param titles a check's short title by its code (the validate catalogue's, wired by the cli)
   */
  public FeedbackWorkbookWriter(Function<String, String> titles) {
    this.titles = titles;
  }

  /**
   * Writes the feedback workbook: the Issues sheet first, then (when the return is an .xlsx or
   * .xlsm package) a copy of the return streamed part by part ({@link CheckedCopy}): its values
   * kept, each cell with findings coloured and commented, formulas replaced by their last values,
   * and no macro, external link, OLE object, control, data connection, drawing or hyperlink of the
   * submitted file carried over. Memory stays small whatever the size of the return.
   *
   * @param original the return as received, or null when it could not be opened as a workbook (then
   *     the feedback holds the Issues sheet only)
   */
  public void write(Path original, CheckedReturn checked, Path out) throws IOException {
    boolean copy =
        original != null
            && original
                .getFileName()
                .toString()
                .toLowerCase(java.util.Locale.ROOT)
                .matches(".*\\.xls[xm]");
    try (CheckedCopy source = copy ? CheckedCopy.open(original) : null;
        XSSFWorkbook wb = new XSSFWorkbook()) {
      Set<String> sheets = copy ? new HashSet<>(source.sheetNames()) : null;
      Styles styles = new Styles(wb);
      Sheet issues = wb.createSheet(copy ? uniqueIssuesName(sheets) : ISSUES_SHEET);
      String note =
          copy
              ? "Your return follows this sheet: each cell with a finding is coloured and has a"
                  + " comment."
              : original == null
                  ? "Your file could not be opened as a workbook, so only this list is sent back."
                  : "Your return is too large (or not .xlsx) to copy back; the cells are listed"
                      + " below.";
      writeIssues(issues, checked, styles, sheets, note);
      issues.setSelected(true);
      wb.setActiveSheet(0);
      if (!copy) {
        AtomicFile.write(out, wb::write);
        return;
      }
      ByteArrayOutputStream issuesBook = new ByteArrayOutputStream();
      wb.write(issuesBook);
      Map<String, NavigableMap<Long, CheckedSheet.Mark>> marks = marks(checked.findings(), sheets);
      Map<Severity, Short> colours = new EnumMap<>(Severity.class);
      for (Severity s : Severity.values()) {
        colours.put(s, styles.colour(s));
      }
      AtomicFile.write(out, o -> source.write(issuesBook.toByteArray(), marks, colours, o));
    }
  }

  private static String uniqueIssuesName(Set<String> sheets) {
    String name = ISSUES_SHEET;
    int n = 2;
    while (sheets.contains(name)) {
      name = ISSUES_SHEET + " " + n++;
    }
    return name;
  }

  private void writeIssues(
      Sheet sheet, CheckedReturn checked, Styles styles, Set<String> copy, String note) {
    int r = 0;
    Row title = sheet.createRow(r++);
    text(title.createCell(0), "Checks on " + checked.info().fileName(), styles, styles.title);
    Row status = sheet.createRow(r++);
    text(
        status.createCell(0),
        String.format(
            "Status: %s. %d errors, %d queries, %d notices. %d rows accepted.",
            checked.status().label(),
            checked.count(Severity.ERROR),
            checked.count(Severity.QUERY),
            checked.count(Severity.NOTICE),
            checked.rows().size()),
        styles,
        styles.bold);
    text(sheet.createRow(r++).createCell(0), note, styles, null);
    r++;
    Row sumHead = sheet.createRow(r++);
    // Same column order as the list below, so each column's width suits both tables.
    String[] sumCols = {"Severity", "Code", "Check", "Count"};
    for (int c = 0; c < sumCols.length; c++) {
      text(sumHead.createCell(c), sumCols[c], styles, styles.header);
    }
    for (Map.Entry<String, long[]> e : countByCheck(checked.findings()).entrySet()) {
      Row row = sheet.createRow(r++);
      text(row.createCell(0), severityOf(checked.findings(), e.getKey()), styles, null);
      text(row.createCell(1), e.getKey(), styles, null);
      text(row.createCell(2), titles.apply(e.getKey()), styles, null);
      row.createCell(3).setCellValue(e.getValue()[0]);
    }
    r++;
    Row head = sheet.createRow(r++);
    String[] cols = {
      "Severity", "Code", "Check", "Sheet", "Cell", "Found", "Expected", "How to fix"
    };
    for (int c = 0; c < cols.length; c++) {
      text(head.createCell(c), cols[c], styles, styles.header);
    }
    int firstListRow = r - 1;
    for (Finding f : checked.findings()) {
      Row row = sheet.createRow(r++);
      SourceLocation at = f.location();
      text(
          row.createCell(0),
          f.severity().name().toLowerCase(java.util.Locale.ROOT),
          styles,
          styles.severity(f.severity()));
      text(row.createCell(1), f.code(), styles, null);
      text(row.createCell(2), titles.apply(f.code()), styles, null);
      text(row.createCell(3), at.sheet() == null ? "" : at.sheet(), styles, null);
      Cell cell = row.createCell(4);
      String ref =
          at.hasRow() && at.hasColumn()
              ? at.cell()
              : at.hasRow() ? "row " + at.row() : at.hasColumn() ? "column " + at.cell() : "";
      text(cell, ref, styles, null);
      if (copy != null && at.sheet() != null && copy.contains(at.sheet())) {
        Hyperlink link =
            sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        int linkRow = Math.max(1, at.row());
        int linkCol = Math.max(0, at.column());
        link.setAddress(
            "'"
                + at.sheet().replace("'", "''")
                + "'!"
                + SourceLocation.columnLetters(linkCol)
                + linkRow);
        cell.setHyperlink(link);
        cell.setCellStyle(styles.link);
        if (ref.isEmpty()) {
          cell.setCellValue("sheet");
        }
      }
      text(row.createCell(5), f.found(), styles, null);
      text(row.createCell(6), f.expected(), styles, styles.wrap);
      text(row.createCell(7), f.fix(), styles, styles.wrap);
      row.setHeightInPoints(15f * Math.max(lines(f.expected(), 58), lines(f.fix(), 58)));
    }
    if (r - 1 > firstListRow) {
      sheet.setAutoFilter(new CellRangeAddress(firstListRow, r - 1, 0, cols.length - 1));
    }
    int[] widths = {12, 30, 34, 16, 10, 30, 60, 60};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setLandscape(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
  }

  /** Lines a wrapped text needs in a column about {@code width} characters wide. */
  private static int lines(String text, int width) {
    return text == null || text.isEmpty() ? 1 : (text.length() + width - 1) / width;
  }

  private static Map<String, long[]> countByCheck(List<Finding> findings) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    findings.stream()
        .sorted(java.util.Comparator.comparing(Finding::severity))
        .forEach(f -> counts.computeIfAbsent(f.code(), k -> new long[1])[0]++);
    return counts;
  }

  private static String severityOf(List<Finding> findings, String code) {
    return findings.stream()
        .filter(f -> f.code().equals(code))
        .map(f -> f.severity().name().toLowerCase(java.util.Locale.ROOT))
        .findFirst()
        .orElse("");
  }

  /**
   * The cells with findings, per sheet of the copy: each cell's fill is its most serious finding's
   * and its comment lists every finding on it, in the order found.
   */
  private Map<String, NavigableMap<Long, CheckedSheet.Mark>> marks(
      List<Finding> findings, Set<String> sheets) {
    Map<String, NavigableMap<Long, CheckedSheet.Mark>> marks = new HashMap<>();
    for (Finding f : findings) {
      SourceLocation at = f.location();
      if (at.sheet() == null || !at.hasRow() || !at.hasColumn() || !sheets.contains(at.sheet())) {
        continue;
      }
      String text =
          f.severity().name()
              + " "
              + f.code()
              + ": "
              + titles.apply(f.code())
              + (f.found() == null || f.found().isEmpty() ? "" : "\nFound: " + f.found())
              + "\nExpected: "
              + f.expected()
              + "\nFix: "
              + f.fix();
      marks
          .computeIfAbsent(at.sheet(), k -> new TreeMap<>())
          .merge(
              CheckedSheet.key(at.row() - 1, at.column()),
              new CheckedSheet.Mark(f.severity(), text),
              (a, b) ->
                  new CheckedSheet.Mark(
                      a.severity().compareTo(b.severity()) <= 0 ? a.severity() : b.severity(),
                      a.comment() + "\n\n" + b.comment()));
    }
    return marks;
  }

  /** Writes text as a string cell; text that a spreadsheet could take for a formula stays inert. */
  static void text(Cell cell, String value, Styles styles, CellStyle style) {
    String v = value == null ? "" : value;
    cell.setCellValue(v);
    if (InertText.looksLikeFormula(v)) {
      cell.setCellStyle(style == styles.wrap ? styles.quotedWrap : styles.quoted);
    } else if (style != null) {
      cell.setCellStyle(style);
    }
  }

  /** The styles of the Issues sheet and the cell marks. */
  static final class Styles {
    final CellStyle title;
    final CellStyle bold;
    final CellStyle header;
    final CellStyle wrap;
    final CellStyle quoted;
    final CellStyle quotedWrap;
    final CellStyle link;
    final CellStyle error;
    final CellStyle query;
    final CellStyle notice;

    Styles(XSSFWorkbook wb) {
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = wb.createCellStyle();
      title.setFont(big);
      Font b = wb.createFont();
      b.setBold(true);
      bold = wb.createCellStyle();
      bold.setFont(b);
      header = wb.createCellStyle();
      header.setFont(b);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      quoted = wb.createCellStyle();
      quoted.setQuotePrefixed(true);
      quotedWrap = wb.createCellStyle();
      quotedWrap.setQuotePrefixed(true);
      quotedWrap.setWrapText(true);
      Font u = wb.createFont();
      u.setUnderline(Font.U_SINGLE);
      u.setColor(IndexedColors.BLUE.getIndex());
      link = wb.createCellStyle();
      link.setFont(u);
      error = fill(wb, IndexedColors.ROSE);
      query = fill(wb, IndexedColors.LIGHT_ORANGE);
      notice = fill(wb, IndexedColors.LIGHT_TURQUOISE);
    }

    private static CellStyle fill(XSSFWorkbook wb, IndexedColors colour) {
      CellStyle s = wb.createCellStyle();
      s.setFillForegroundColor(colour.getIndex());
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      return s;
    }

    CellStyle severity(Severity s) {
      return switch (s) {
        case ERROR -> error;
        case QUERY -> query;
        case NOTICE -> notice;
      };
    }

    short colour(Severity s) {
      return switch (s) {
        case ERROR -> IndexedColors.ROSE.getIndex();
        case QUERY -> IndexedColors.LIGHT_ORANGE.getIndex();
        case NOTICE -> IndexedColors.LIGHT_TURQUOISE.getIndex();
      };
    }
  }
}
