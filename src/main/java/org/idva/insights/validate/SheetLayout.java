package org.idva.insights.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.PersonalData;
import org.idva.insights.schema.SheetDefinition;

/**
 * Where a form sheet's header row is and which template column each of its columns holds: found by
 * reading the first rows only, before any data row is checked.
 */
final class SheetLayout {
  static final int HEADER_SEARCH_ROWS = 20;

  final SheetDefinition definition;
  final RawSheet sheet;
  private final HeaderMatcher matcher;
  int headerRow = -1;

  /** Template column by 0-based sheet column; null where the column is not read. */
  final Map<Integer, Column> columns = new HashMap<>();

  /** Sheet columns with a header that is not in the template (not read). */
  final Map<Integer, String> unknown = new HashMap<>();

  SheetLayout(HeaderMatcher matcher, RawSheet sheet) {
    this.definition = matcher.sheet();
    this.matcher = matcher;
    this.sheet = sheet;
  }

  /** Reads the header row and records header findings. */
  void find(org.idva.insights.model.RawWorkbook wb, String file, Findings findings)
      throws java.io.IOException {
    List<RawRow> header = new ArrayList<>(1);
    int[] seen = {0};
    wb.readRows(
        sheet,
        row -> {
          List<String> texts = new ArrayList<>();
          for (RawCell c : row.cells()) {
            if (!c.isBlank()) {
              texts.add(c.text());
            }
          }
          int score = matcher.score(texts);
          if (score > 0 && score * 2 >= texts.size()) {
            header.add(row);
            return false;
          }
          return ++seen[0] < HEADER_SEARCH_ROWS;
        });
    SourceLocation at = SourceLocation.ofSheet(file, sheet.name());
    if (header.isEmpty()) {
      findings.add(
          Check.HEADER_ROW_NOT_FOUND,
          at,
          "",
          "a header row with the template's column headers, e.g. '"
              + matcher.columns().get(0).header()
              + "'",
          "Copy the header row from the blank template into row 1 of sheet " + sheet.name() + ".");
      return;
    }
    RawRow row = header.get(0);
    headerRow = row.rowNumber();
    if (headerRow != 1) {
      findings.add(
          Check.HEADER_NOT_IN_FIRST_ROW,
          new SourceLocation(file, sheet.name(), headerRow, SourceLocation.NONE),
          "header in row " + headerRow,
          "the header in row 1",
          "Rows above the header were not read; remove them so the header is in row 1.");
    }
    for (RawSheet.CellRange range : sheet.merged()) {
      if (range.containsRow(headerRow) && range.lastColumn() > range.firstColumn()) {
        findings.add(
            Check.MERGED_HEADER_CELLS,
            new SourceLocation(file, sheet.name(), headerRow, range.firstColumn()),
            range.describe(),
            "one header cell per column",
            "Unmerge cells " + range.describe() + " and give each column its template header.");
      }
    }
    Map<Column, Integer> matchedAt = new IdentityHashMap<>();
    for (RawCell cell : row.cells()) {
      if (cell.isBlank()) {
        continue;
      }
      SourceLocation where = new SourceLocation(file, sheet.name(), headerRow, cell.column());
      String text = cell.text().strip();
      var match = matcher.match(text);
      if (match.isEmpty()) {
        var personal = PersonalData.check(text);
        if (personal.isPresent()) {
          findings.add(
              Check.PERSONAL_DATA_COLUMN,
              where,
              text,
              "no column of personal data (this looks like: " + personal.get() + ")",
              "Delete this column and its contents, then send the return again. Names, addresses,"
                  + " postcodes, dates of birth, phone numbers and e-mails are never collected.");
        } else {
          findings.add(
              Check.UNKNOWN_COLUMN,
              where,
              text,
              "only the template's columns"
                  + matcher.nearest(text).map(h -> " (the nearest is '" + h + "')").orElse(""),
              matcher
                      .nearest(text)
                      .map(
                          h ->
                              "If this is '" + h + "', rename the header to that; otherwise remove")
                      .orElse("Remove")
                  + " the column (it was not read).");
        }
        unknown.put(cell.column(), text);
        continue;
      }
      Column column = match.get().column();
      Integer first = matchedAt.putIfAbsent(column, cell.column());
      if (first != null) {
        findings.add(
            Check.DUPLICATE_COLUMN,
            where,
            text,
            "'"
                + column.header()
                + "' once (already in column "
                + SourceLocation.columnLetters(first)
                + ")",
            "Keep one of the two columns and delete the other.");
        continue;
      }
      columns.put(cell.column(), column);
      if (match.get().how() != HeaderMatcher.How.EXACT) {
        findings.add(
            Check.HEADER_MATCHED,
            where,
            text,
            column.header(),
            "Nothing to do; the template header is '" + column.header() + "'.");
      }
    }
    for (Column c : matcher.columns()) {
      if (!matchedAt.containsKey(c)) {
        boolean required = HeaderMatcher.isRequired(c);
        findings.add(
            required ? Check.MISSING_REQUIRED_COLUMN : Check.MISSING_COLUMN,
            new SourceLocation(file, sheet.name(), headerRow, SourceLocation.NONE),
            "",
            "a column headed '" + c.header() + "'",
            required
                ? "Add the column '"
                    + c.header()
                    + "' (copy it from the blank template) and fill it."
                : "Add the column '"
                    + c.header()
                    + "' from the blank template; until then its answers count as Missing.");
      }
    }
  }

  boolean found() {
    return headerRow > 0;
  }
}
