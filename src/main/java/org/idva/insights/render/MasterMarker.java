package org.idva.insights.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A marker in the master template: {@code {{kind:argument}}} alone in a cell places a block (a
 * table, a chart, a narrative page, the contents list, the conditional-formatting legend); {@code
 * {{name}}} inside any text is replaced by a value of the edition (period, generated on...).
 *
 * @param row 0-based row of the cell
 * @param column 0-based column of the cell
 */
record MasterMarker(String sheet, int row, int column, String kind, String argument) {

  /** Markers that place a block and must be alone in their cell. */
  static final List<String> BLOCK_KINDS =
      List.of("table", "chart", "narrative", "contents", "legend", "queries");

  /** Placeholders replaced inside text. */
  static final List<String> PLACEHOLDERS =
      List.of(
          "report_label",
          "reporting_year",
          "period",
          "previous_year",
          "year_before",
          "generated_on",
          "scope",
          "yoy_points",
          "small_base",
          "suppress_up_to",
          "name_prefix",
          "year_periods");

  static final Pattern ANY = Pattern.compile("\\{\\{\\s*([A-Za-z_]+)\\s*(?::\\s*([^}]*?)\\s*)?}}");

  /** Every {@code {{...}}} in a text, with its kind and argument (argument may be null). */
  static List<String[]> scan(String text) {
    List<String[]> out = new ArrayList<>();
    Matcher m = ANY.matcher(text);
    while (m.find()) {
      out.add(new String[] {m.group(0), m.group(1), m.group(2)});
    }
    return out;
  }

  String describe() {
    return "{{" + kind + (argument == null ? "" : ":" + argument) + "}}";
  }
}
