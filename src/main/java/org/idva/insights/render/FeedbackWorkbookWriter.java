package org.idva.insights.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Severity;

/**
 * The service's own workbook back: a copy of their return (streamed, {@link CheckedCopy}) with each
 * offending cell filled (red error, amber query, blue notice) and commented ({@link CellMarks}: one
 * comment per cell listing its findings), and a first sheet "Issues" ({@link IssuesSheetWriter})
 * saying what to do next and listing every finding with a link to its cell and a column to explain
 * a query. Everything written is a plain text or number cell: text that looks like a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}) is quote-prefixed and stays inert.
 */
public final class FeedbackWorkbookWriter {
  public static final String ISSUES_SHEET = org.idva.insights.model.IssuesSheet.NAME;

  private final IssuesSheetWriter issues;
  private final CellMarks marks;

  /**
   * @param titles a check's short title by its code (the validate catalogue's, wired by the cli)
   */
  public FeedbackWorkbookWriter(Function<String, String> titles) {
    FindingText words = new FindingText(titles);
    this.issues = new IssuesSheetWriter(words);
    this.marks = new CellMarks(words);
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
                  : "Your return is not an .xlsx workbook, so it is not copied back; the cells are"
                      + " listed below.";
      this.issues.write(issues, checked, styles, sheets, note);
      issues.setSelected(true);
      wb.setActiveSheet(0);
      // No time of writing in the file: the same findings give the same bytes.
      wb.getProperties()
          .getCoreProperties()
          .setCreated(java.util.Optional.of(new java.util.Date(0)));
      ByteArrayOutputStream issuesBook = new ByteArrayOutputStream();
      wb.write(issuesBook);
      if (!copy) {
        AtomicFile.write(out, o -> CheckedCopy.restamp(issuesBook.toByteArray(), o));
        return;
      }
      Map<String, NavigableMap<Long, CheckedSheet.Mark>> cells =
          marks.marks(checked.findings(), sheets);
      Map<Severity, Short> colours = new EnumMap<>(Severity.class);
      for (Severity s : Severity.values()) {
        colours.put(s, styles.colour(s));
      }
      AtomicFile.write(out, o -> source.write(issuesBook.toByteArray(), cells, colours, o));
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
    final CellStyle boldWrap;
    final CellStyle explain;
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
      boldWrap = wb.createCellStyle();
      boldWrap.setFont(b);
      boldWrap.setWrapText(true);
      boldWrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
      explain = fill(wb, IndexedColors.LEMON_CHIFFON);
      explain.setWrapText(true);
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
