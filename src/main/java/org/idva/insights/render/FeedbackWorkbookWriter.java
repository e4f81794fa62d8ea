package org.idva.insights.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The service's own workbook back: a copy of their return with each offending cell filled (red
 * error, amber query, blue notice) and commented ({@link CellMarks}: one comment per cell listing
 * its findings), and a first sheet "Issues" ({@link IssuesSheetWriter}) saying what to do next and
 * listing every finding with a link to its cell and a column to explain a query. Everything written
 * is a plain text or number cell: text that looks like a formula ({@code =}, {@code +}, {@code -},
 * {@code @}) is quote-prefixed and stays inert.
 */
public final class FeedbackWorkbookWriter {
  public static final String ISSUES_SHEET = org.idva.insights.model.IssuesSheet.NAME;

  /** Returns larger than this are not copied (POI holds a copy in memory); Issues only. */
  public static final long MAX_COPY_BYTES = 8L << 20;

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
   * Writes the feedback workbook.
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
                .matches(".*\\.xls[xm]")
            && Files.size(original) <= MAX_COPY_BYTES;
    try (XSSFWorkbook wb = copy ? open(original) : new XSSFWorkbook()) {
      if (copy) {
        CellMarks.forgetEarlierCheck(wb);
      }
      Styles styles = new Styles(wb);
      Sheet issues = wb.createSheet(uniqueIssuesName(wb));
      wb.setSheetOrder(issues.getSheetName(), 0);
      String note =
          copy
              ? "Your return follows this sheet: each cell with a finding is coloured and has a"
                  + " comment."
              : original == null
                  ? "Your file could not be opened as a workbook, so only this list is sent back."
                  : "Your return is too large (or not .xlsx) to copy back; the cells are listed"
                      + " below.";
      this.issues.write(issues, checked, styles, copy ? wb : null, note);
      if (copy) {
        marks.mark(wb, checked.findings(), styles);
      }
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        wb.getSheetAt(i).setSelected(i == 0);
      }
      wb.setActiveSheet(0);
      wb.setFirstVisibleTab(0);
      AtomicFile.write(out, wb::write);
    }
  }

  private static XSSFWorkbook open(Path original) throws IOException {
    try (InputStream in = Files.newInputStream(original)) {
      return new XSSFWorkbook(in);
    }
  }

  private static String uniqueIssuesName(XSSFWorkbook wb) {
    String name = ISSUES_SHEET;
    int n = 2;
    while (wb.getSheet(name) != null) {
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
      return colourOf(s);
    }

    static short colourOf(Severity s) {
      return switch (s) {
        case ERROR -> IndexedColors.ROSE.getIndex();
        case QUERY -> IndexedColors.LIGHT_ORANGE.getIndex();
        case NOTICE -> IndexedColors.LIGHT_TURQUOISE.getIndex();
      };
    }
  }
}
