package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.idva.insights.model.TableResult;

/**
 * Compares computed tables with the seed tables file ({@code insights-idva-2022-23.tables.json}):
 * every seed table must be computed, every seed row present (matched by label, in order among rows
 * of the same label), and every printed value matched. Rules: reporting-year counts, percentages,
 * per-100 figures and n exactly; reporting-year values (averages, medians) exactly (text as text);
 * earlier years' percentages within 1 point; earlier years' values within 5% (text exactly). Cells
 * listed as excluded (the seed's own inconsistencies, docs/seed-deviations.md) are skipped.
 */
public final class SeedComparison {

  /** One difference; {@code row} and {@code column} null when the whole table is at fault. */
  public record Mismatch(
      String table, String row, String column, Object expected, Object actual, String rule) {
    @Override
    public String toString() {
      return table
          + (row == null ? "" : " / " + row)
          + (column == null ? "" : " / " + column)
          + ": expected "
          + expected
          + ", got "
          + actual
          + " ("
          + rule
          + ")";
    }
  }

  private final JsonNode seed;
  private final String reportingYear;
  private final Set<String> excluded;

  /**
   * @param seed the seed tables file's root
   * @param excluded cells not compared: {@code table}, {@code table/row} or {@code
   *     table/row/column}
   */
  public SeedComparison(JsonNode seed, Set<String> excluded) {
    this.seed = seed;
    this.reportingYear = reportingYearOf(seed);
    this.excluded = Set.copyOf(excluded);
  }

  /**
   * The label of the reporting year: the latest of {@code year_labels} ("2023"), else {@code
   * reporting_year} as a label ("2023") or a span ("2022-23" is 2023).
   */
  static String reportingYearOf(JsonNode seed) {
    JsonNode labels = seed.get("year_labels");
    if (labels != null && labels.isObject() && labels.size() > 0) {
      String latest = null;
      for (var it = labels.fieldNames(); it.hasNext(); ) {
        String y = it.next();
        latest = latest == null || y.compareTo(latest) > 0 ? y : latest;
      }
      return latest;
    }
    String y = seed.path("reporting_year").asText();
    if (y.matches("\\d{4}")) {
      return y;
    }
    if (y.matches("\\d{4}-\\d{2}")) {
      return y.substring(0, 2) + y.substring(5);
    }
    throw new IllegalArgumentException("cannot read the reporting year from \"" + y + "\"");
  }

  /** "2022-23" (the seed's form) is the year ending in 2023; "2023" stays as it is. */
  static String endYear(String year) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{2})\\d{2}-(\\d{2})").matcher(year);
    return m.matches() ? m.group(1) + m.group(2) : year;
  }

  public String reportingYear() {
    return reportingYear;
  }

  /** Compares every seed table with its computed result. */
  public List<Mismatch> compare(List<TableResult> results) {
    Map<String, TableResult> byId = new HashMap<>();
    results.forEach(r -> byId.put(r.id(), r));
    List<Mismatch> out = new ArrayList<>();
    for (JsonNode table : seed.get("tables")) {
      String id = table.get("id").asText();
      if (excluded.contains(id)) {
        continue;
      }
      TableResult result = byId.get(id);
      if (result == null) {
        out.add(new Mismatch(id, null, null, "table", null, "table not computed"));
        continue;
      }
      compareTable(table, result, out);
    }
    return out;
  }

  private void compareTable(JsonNode table, TableResult result, List<Mismatch> out) {
    String id = table.get("id").asText();
    JsonNode n = table.path("n");
    n.fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith(reportingYear) && e.getValue().isNumber()) {
                Long actual = result.n().get(e.getKey());
                if (!isExcluded(id, null, "n." + e.getKey())
                    && (actual == null || actual != e.getValue().asLong())) {
                  out.add(
                      new Mismatch(
                          id, null, "n." + e.getKey(), e.getValue().asLong(), actual, "n exact"));
                }
              }
            });
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode row : table.get("rows")) {
      String label = row.get("label").asText();
      int occurrence = seen.merge(label, 1, Integer::sum);
      if (isExcluded(id, label, null)) {
        continue;
      }
      TableResult.Row actual = find(result, label, occurrence);
      if (actual == null) {
        out.add(new Mismatch(id, label, null, "row", null, "row not computed"));
        continue;
      }
      row.path("values")
          .fields()
          .forEachRemaining(
              e -> {
                if (!isExcluded(id, label, e.getKey())) {
                  compareCell(
                      id, label, e.getKey(), e.getValue(), actual.values().get(e.getKey()), out);
                }
              });
    }
  }

  private boolean isExcluded(String table, String row, String column) {
    return excluded.contains(table + "/" + row)
        || (column != null && excluded.contains(table + "/" + row + "/" + column))
        || (column != null && excluded.contains(table + "/*/" + column));
  }

  private static TableResult.Row find(TableResult result, String label, int occurrence) {
    int k = 0;
    for (TableResult.Row r : result.rows()) {
      if (r.label().equals(label) && ++k == occurrence) {
        return r;
      }
    }
    return null;
  }

  private void compareCell(
      String id, String row, String column, JsonNode expected, Object actual, List<Mismatch> out) {
    if (expected.isNull()) {
      return;
    }
    Object exp = expected.isNumber() ? expected.numberValue() : expected.asText();
    if (actual == null) {
      out.add(new Mismatch(id, row, column, exp, null, "value not computed"));
      return;
    }
    boolean reporting = column.startsWith(reportingYear + ".");
    String measure = column.substring(column.lastIndexOf('.') + 1);
    if (!expected.isNumber() || !(actual instanceof Number a)) {
      if (!exp.toString().equals(actual.toString())) {
        out.add(new Mismatch(id, row, column, exp, actual, "text exact"));
      }
      return;
    }
    double e = expected.asDouble();
    double v = a.doubleValue();
    if (reporting) {
      if (Math.abs(e - v) > 1e-9) {
        out.add(new Mismatch(id, row, column, exp, actual, "reporting year exact"));
      }
    } else if (measure.equals("pct")) {
      if (Math.abs(e - v) > 1) {
        out.add(new Mismatch(id, row, column, exp, actual, "earlier year % within 1 point"));
      }
    } else if (Math.abs(e - v) > Math.abs(e) * 0.05 + 1e-9) {
      out.add(new Mismatch(id, row, column, exp, actual, "earlier year value within 5%"));
    }
  }
}
