package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.Schema;

/**
 * Builds case data that realises a seed-like expectation of single-select tables on intake or exit
 * cases: per year, as many intakes (exits) as the tables' n, each table's answers dealt out in row
 * order: the reporting year from the counts, earlier years from the percentages (rounded; the rest
 * Missing). Every intake is its own client; every exit closes an intake of its year.
 */
final class SeedRealizer {
  private SeedRealizer() {}

  static CaseSet realize(JsonNode expectation, ReportDefinitions defs, Schema schema) {
    String reporting = expectation.get("reporting_year").asText();
    Map<String, Map<String, Integer>> nBySheet = new HashMap<>();
    TreeSet<String> years = new TreeSet<>();
    Map<String, Map<String, Object>[]> answers = new HashMap<>(); // sheet@year -> rows
    for (JsonNode t : expectation.get("tables")) {
      TableDefinition def = defs.table(t.get("id").asText()).orElseThrow();
      String sheet = defs.bases().get(def.base()).get("sheet").asText();
      t.get("n")
          .fields()
          .forEachRemaining(
              e -> {
                years.add(e.getKey());
                Integer prev =
                    nBySheet
                        .computeIfAbsent(sheet, k -> new HashMap<>())
                        .put(e.getKey(), e.getValue().asInt());
                if (prev != null && prev != e.getValue().asInt()) {
                  throw new IllegalArgumentException(
                      "tables on " + sheet + " disagree on n for " + e.getKey());
                }
              });
    }
    for (JsonNode t : expectation.get("tables")) {
      TableDefinition def = defs.table(t.get("id").asText()).orElseThrow();
      Field field = schema.field(def.field()).orElseThrow();
      String sheet = defs.bases().get(def.base()).get("sheet").asText();
      for (String year : years) {
        Integer n = nBySheet.get(sheet).get(year);
        if (n == null) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object>[] rows = answers.computeIfAbsent(sheet + "@" + year, k -> newRows(n));
        int next = 0;
        for (JsonNode row : t.get("rows")) {
          if (row.get("kind").asText().equals("missing")) {
            continue;
          }
          JsonNode v = row.get("values");
          int count =
              year.equals(reporting)
                  ? v.path(year + ".count").asInt()
                  : (int) Math.round(v.path(year + ".pct").asDouble() * n / 100.0);
          String code = field.codeList().byLabel(row.get("label").asText()).orElseThrow().code();
          for (int i = 0; i < count && next < n; i++) {
            rows[next++].put(field.id(), code);
          }
        }
      }
    }
    CaseSet cases = new CaseSet();
    for (String year : years) {
      int y = Integer.parseInt(year);
      LocalDate start = ReportingYear.start(y);
      int intakes = nBySheet.getOrDefault("intake", Map.of()).getOrDefault(year, 0);
      int exits = nBySheet.getOrDefault("exit", Map.of()).getOrDefault(year, 0);
      Map<String, Object>[] in = answers.get("intake@" + year);
      Map<String, Object>[] out = answers.get("exit@" + year);
      for (int i = 0; i < Math.max(intakes, exits); i++) {
        String k = "K" + y + "-" + i;
        cases.intake(
            "S" + (i % 3), k, "C" + y + "-" + i, start.plusDays(i % 150).toString(), kv(in, i));
      }
      for (int i = 0; i < exits; i++) {
        cases.exit(
            "S" + (i % 3), "K" + y + "-" + i, start.plusDays(200 + i % 100).toString(), kv(out, i));
      }
    }
    return cases;
  }

  private static Map<String, Object>[] newRows(int n) {
    @SuppressWarnings("unchecked")
    Map<String, Object>[] rows = new Map[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new HashMap<>();
    }
    return rows;
  }

  private static Object[] kv(Map<String, Object>[] rows, int i) {
    if (rows == null || i >= rows.length) {
      return new Object[0];
    }
    List<Object> kv = new ArrayList<>();
    rows[i].forEach(
        (k, v) -> {
          kv.add(k);
          kv.add(v);
        });
    return kv.toArray();
  }
}
