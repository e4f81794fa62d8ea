package org.idva.insights.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.idva.insights.model.Finding;
import org.idva.insights.model.SourceLocation;

/**
 * What each cell of the copied return that has a finding gets: the fill of its most serious finding
 * and one comment listing every finding on it. A cell that already had a comment keeps it, with the
 * findings added below ({@link CheckedSheet}). Each comment is anchored on its own cell, so no two
 * comments can claim one cell.
 */
final class CellMarks {
  static final String AUTHOR = "Idva Insights checks";
  private static final java.util.regex.Pattern ISSUES =
      java.util.regex.Pattern.compile(
          java.util.regex.Pattern.quote(FeedbackWorkbookWriter.ISSUES_SHEET) + "( \\d+)?",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private final FindingText words;

  /**
   * Whether a sheet is the Issues sheet of an earlier check (a checked workbook sent back as the
   * return): the copy leaves it out, as it leaves out the comments the checks wrote and their
   * colours ({@link CheckedCopy}), so the new ones do not pile onto them.
   */
  static boolean isIssuesSheet(String name) {
    return ISSUES.matcher(name.strip()).matches();
  }

  CellMarks(FindingText words) {
    this.words = words;
  }

  /**
   * The marks per sheet, keyed by {@link CheckedSheet#key}.
   *
   * @param sheets the names of the copied return's sheets: findings elsewhere mark nothing
   */
  Map<String, NavigableMap<Long, CheckedSheet.Mark>> marks(
      List<Finding> findings, Set<String> sheets) {
    Map<String, List<Finding>> byCell = new LinkedHashMap<>();
    for (Finding f : IssuesSheetWriter.sorted(findings)) {
      SourceLocation at = f.location();
      if (at.sheet() != null && at.hasRow() && at.hasColumn() && sheets.contains(at.sheet())) {
        byCell.computeIfAbsent(at.sheet() + "\u0000" + at.cell(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, NavigableMap<Long, CheckedSheet.Mark>> marks = new HashMap<>();
    for (List<Finding> onCell : byCell.values()) {
      Finding worst = onCell.get(0);
      SourceLocation at = worst.location();
      marks
          .computeIfAbsent(at.sheet(), k -> new TreeMap<>())
          .put(
              CheckedSheet.key(at.row() - 1, at.column()),
              new CheckedSheet.Mark(worst.severity(), words.comment(onCell)));
    }
    return marks;
  }
}
