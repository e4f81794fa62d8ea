package org.idva.insights.validate;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.IssuesSheet;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Reads the explanations a service typed on the Issues sheet of a checked workbook it sent back as
 * its return. Only the values are read (never the colours or comments): the rows whose severity is
 * Query or Explained and whose "Your explanation" cell holds new text. The question is told by its
 * header on the return sheet, so the sheet never needs to show a field id.
 */
final class IssuesSheetReader {
  private static final Pattern NAME =
      Pattern.compile(Pattern.quote(IssuesSheet.NAME) + "( \\d+)?", Pattern.CASE_INSENSITIVE);

  /** The field id of each (sheet, header): the form's own columns. */
  private final Map<String, String> fieldByHeader = new HashMap<>();

  IssuesSheetReader(Schema schema) {
    for (SheetDefinition def : schema.sheets()) {
      for (Column c : def.columns()) {
        fieldByHeader.putIfAbsent(key(def.sheetName(), c.header()), c.field().id());
      }
    }
  }

  private static String key(String sheet, String header) {
    return sheet.strip().toLowerCase(java.util.Locale.ROOT) + "\u0000" + header.strip();
  }

  /** Whether a sheet is named like the Issues sheet of a checked workbook. */
  static boolean isIssuesSheet(RawSheet sheet) {
    return NAME.matcher(sheet.name().strip()).matches();
  }

  /** The explanations on the workbook's Issues sheet, if it has one in the layout we write. */
  List<Explanation> read(RawWorkbook wb, String service, Instant received) throws IOException {
    List<Explanation> out = new ArrayList<>();
    if (service == null) {
      return out;
    }
    Optional<RawSheet> sheet =
        wb.sheets().stream().filter(IssuesSheetReader::isIssuesSheet).findFirst();
    if (sheet.isEmpty()) {
      return out;
    }
    Map<String, Integer> cols = new HashMap<>();
    wb.readRows(
        sheet.get(),
        row -> {
          if (cols.isEmpty()) {
            header(row, cols);
            return true;
          }
          explanation(row, cols, service, received).ifPresent(out::add);
          return true;
        });
    return out;
  }

  private static void header(RawRow row, Map<String, Integer> cols) {
    Map<String, Integer> found = new HashMap<>();
    for (RawCell c : row.cells()) {
      if (!c.isBlank()) {
        found.put(c.text().strip(), c.column());
      }
    }
    if (found.keySet().containsAll(IssuesSheet.COLUMNS)) {
      cols.putAll(found);
    }
  }

  private Optional<Explanation> explanation(
      RawRow row, Map<String, Integer> cols, String service, Instant received) {
    String severity = text(row, cols, IssuesSheet.SEVERITY);
    String text = text(row, cols, IssuesSheet.EXPLANATION);
    if (!(severity.equals(IssuesSheet.QUERY) || severity.equals(IssuesSheet.EXPLAINED))
        || text.isBlank()
        || text.equals(IssuesSheet.KEPT)) {
      return Optional.empty();
    }
    String sheet = text(row, cols, IssuesSheet.SHEET);
    String caseRef = text(row, cols, IssuesSheet.CASE_REF);
    String question = text(row, cols, IssuesSheet.QUESTION);
    String field = fieldByHeader.get(key(sheet, question));
    if (sheet.isEmpty() || caseRef.isEmpty() || field == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Explanation(
            service,
            sheet,
            caseRef,
            field,
            text(row, cols, IssuesSheet.FOUND),
            text.strip(),
            "",
            "",
            received));
  }

  private static String text(RawRow row, Map<String, Integer> cols, String column) {
    RawCell c = row.cell(cols.get(column));
    return c == null || c.isBlank() ? "" : c.text();
  }
}
