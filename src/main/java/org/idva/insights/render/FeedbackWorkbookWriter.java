package org.idva.insights.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.PackageParts;
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
    write(original, PackageParts.NONE, checked, out);
  }

  /**
   * As {@link #write(Path, CheckedReturn, Path)}, the copy reading each part {@code parts} holds
   * from there (the bytes the reader inflated from {@code original}) rather than inflating it
   * again.
   */
  public void write(Path original, PackageParts parts, CheckedReturn checked, Path out)
      throws IOException {
    boolean copy =
        original != null
            && original
                .getFileName()
                .toString()
                .toLowerCase(java.util.Locale.ROOT)
                .matches(".*\\.xls[xm]");
    try (CheckedCopy source = copy ? CheckedCopy.open(original, parts) : null) {
      Set<String> sheets = copy ? new HashSet<>(source.sheetNames()) : null;
      String note =
          copy
              ? "Your return follows this sheet: each cell with a finding is coloured and has a"
                  + " comment."
              : original == null
                  ? "Your file could not be opened as a workbook, so only this list is sent back."
                  : "Your return is not an .xlsx workbook, so it is not copied back; the cells are"
                      + " listed below.";
      IssuesSheetWriter.Listing listing =
          issues.listing(copy ? uniqueIssuesName(sheets) : ISSUES_SHEET, checked, sheets, note);
      if (!copy) {
        AtomicFile.write(out, o -> CheckedCopy.issuesOnly(listing, o));
        return;
      }
      Map<String, NavigableMap<Long, CheckedSheet.Mark>> cells =
          marks.marks(checked.findings(), sheets);
      Map<Severity, Short> colours = new EnumMap<>(Severity.class);
      for (Severity s : Severity.values()) {
        colours.put(s, IssuesSheetWriter.colour(s));
      }
      AtomicFile.write(out, o -> source.write(listing, cells, colours, o));
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
}
