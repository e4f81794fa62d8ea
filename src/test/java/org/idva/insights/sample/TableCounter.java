package org.idva.insights.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.idva.insights.sample.SampleData.Element;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Schema;

/**
 * Counts the report's single, multi, grid and pair tables straight from the rows read back, by
 * simple counting from the table definitions (which field and code each row counts), and compares
 * each printed count of a year with the seed. Independent of the report engine.
 */
final class TableCounter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Schema schema;
  final Map<String, JsonNode> definitions = new LinkedHashMap<>();

  TableCounter(Schema schema) throws Exception {
    this.schema = schema;
    for (JsonNode section : read("report/report.json").get("sections")) {
      for (JsonNode t : read("report/tables/" + section.asText() + ".json").get("tables")) {
        definitions.put(t.get("id").asText(), t);
      }
    }
  }

  private static JsonNode read(String resource) throws Exception {
    try (InputStream in = TableCounter.class.getClassLoader().getResourceAsStream(resource)) {
      return JSON.readTree(in);
    }
  }

  /** One compared cell: the seed's value and ours (count, or percent for earlier years). */
  record Cell(String table, String row, String column, double expected, double actual) {
    /**
     * Whether the cell matches: counts exactly (tolerance 0); percentages as the report prints them
     * (whole percent, rounded half up) within the tolerance of the printed figure.
     */
    boolean matches(double tolerance) {
      double shown = tolerance > 0 ? Math.floor(actual + 0.5) : actual;
      return Math.abs(expected - shown) <= tolerance;
    }

    @Override
    public String toString() {
      return table
          + " / "
          + row
          + (column == null ? "" : " / " + column)
          + ": seed "
          + expected
          + ", sample "
          + actual;
    }
  }

  /** Every comparable cell of a table for a year; {@code pct} compares percentages. */
  List<Cell> compare(
      String id, JsonNode seed, Map<String, List<Element>> pops, String year, boolean pct) {
    JsonNode def = definitions.get(id);
    List<Cell> out = new ArrayList<>();
    String measure = def.get("measure").asText();
    answeredBase = def.path("percent_base").asText("").equals("answered");
    List<Element> base = pops.get(def.path("base").asText(""));
    if (base == null) {
      return out;
    }
    base = filter(base, def.get("filter"));
    switch (measure) {
      case "single", "multi" -> {
        String field = def.path("field").asText(null);
        countRows(out, id, seed, rows(def, field), field, base, year, null, pct);
      }
      case "grid" -> {
        JsonNode columns = def.get("columns");
        if (def.has("field")) {
          return out;
        }
        if (columns.isObject()) {
          String list = columns.get("codelist").asText();
          for (JsonNode row : def.get("rows")) {
            String field = row.get("field").asText();
            JsonNode seedRow =
                SeedTargets.seedRow(seed, row.get("label").asText(), new HashSet<>());
            for (Code c : schema.codeLists().get(list).codes()) {
              add(
                  out,
                  id,
                  seedRow,
                  row.get("label").asText(),
                  c.label(),
                  year,
                  pct,
                  count(base, field, List.of(c.code())),
                  base.size());
            }
          }
          return out;
        }
        for (JsonNode column : columns) {
          List<Element> pop = filter(base, column.get("filter"));
          countRows(
              out,
              id,
              seed,
              rows(def, null),
              column.get("field").asText(),
              pop,
              year,
              column.get("label").asText(),
              pct);
        }
      }
      case "pair" -> {
        if (def.has("filter")) {
          return out;
        }
        for (JsonNode column : def.get("columns")) {
          if (!column.has("field")) {
            continue;
          }
          String field = column.get("field").asText();
          List<Element> pop = filter(base, column.get("filter"));
          countRows(
              out, id, seed, rows(def, field), field, pop, year, column.get("label").asText(), pct);
        }
      }
      default -> {}
    }
    return out;
  }

  private void countRows(
      List<Cell> out,
      String id,
      JsonNode seed,
      List<JsonNode> rows,
      String field,
      List<Element> pop,
      String year,
      String group,
      boolean pct) {
    Set<String> used = new HashSet<>();
    for (JsonNode row : rows) {
      String label = row.get("label").asText();
      String kind = row.path("kind").asText("category");
      JsonNode seedRow = SeedTargets.seedRow(seed, label, used);
      if (seedRow == null || row.has("stat") || row.has("expr") || kind.equals("total")) {
        continue;
      }
      String rowField = row.has("field") ? row.get("field").asText() : field;
      long actual;
      if (kind.equals("missing")) {
        actual = pop.stream().filter(e -> blank(e.get(field))).count();
      } else if (row.has("bands")) {
        JsonNode b = row.get("bands");
        actual =
            pop.stream()
                .filter(
                    e ->
                        e.get(rowField) instanceof Long v
                            && (!b.has("min") || v >= b.get("min").asLong())
                            && (!b.has("max") || v <= b.get("max").asLong()))
                .count();
      } else if (row.has("code") || row.has("codes")) {
        List<String> codes = new ArrayList<>();
        if (row.has("code")) {
          codes.add(row.get("code").asText());
        }
        row.path("codes").forEach(c -> codes.add(c.asText()));
        actual = count(pop, rowField, codes);
      } else {
        continue;
      }
      int denominator = pop.size();
      if (answeredBase) {
        denominator = (int) pop.stream().filter(e -> !blank(e.get(field))).count();
      }
      add(
          out,
          id,
          seedRow,
          label,
          group,
          year,
          pct,
          actual,
          kind.equals("missing") ? pop.size() : denominator);
    }
  }

  private boolean answeredBase;

  private static void add(
      List<Cell> out,
      String id,
      JsonNode seedRow,
      String label,
      String group,
      String year,
      boolean pct,
      long actual,
      int n) {
    if (seedRow == null) {
      return;
    }
    String key = year + (group == null ? "" : "." + group) + (pct ? ".pct" : ".count");
    JsonNode v = seedRow.get("values").get(key);
    if (v == null || !v.isNumber()) {
      return;
    }
    double ours = pct ? (n == 0 ? 0 : 100.0 * actual / n) : actual;
    out.add(new Cell(id, label, group, v.asDouble(), ours));
  }

  private static long count(List<Element> pop, String field, List<String> codes) {
    return pop.stream()
        .filter(
            e -> {
              Object v = e.get(field);
              if (v instanceof Collection<?> ticks) {
                return ticks.stream().anyMatch(t -> codes.contains(t.toString()));
              }
              return v != null && codes.contains(v.toString());
            })
        .count();
  }

  private static boolean blank(Object v) {
    return v == null || (v instanceof Collection<?> c && c.isEmpty());
  }

  private List<JsonNode> rows(JsonNode def, String field) {
    List<JsonNode> rows = new ArrayList<>();
    if (def.has("rows")) {
      def.get("rows").forEach(rows::add);
      return rows;
    }
    for (Code c : schema.field(field).orElseThrow().codeList().codes()) {
      rows.add(JSON.createObjectNode().put("label", c.label()).put("code", c.code()));
    }
    rows.add(JSON.createObjectNode().put("label", "Missing").put("kind", "missing"));
    return rows;
  }

  static List<Element> filter(List<Element> pop, JsonNode filter) {
    if (filter == null || filter.isMissingNode()) {
      return pop;
    }
    if (filter.isArray()) {
      List<Element> out = pop;
      for (JsonNode f : filter) {
        out = filter(out, f);
      }
      return out;
    }
    String field = filter.get("field").asText();
    List<Element> out = new ArrayList<>();
    for (Element e : pop) {
      Object v = e.get(field);
      boolean keep;
      if (filter.has("min")) {
        keep = v instanceof Long l && l >= filter.get("min").asLong();
      } else {
        Set<String> codes = new HashSet<>();
        filter.get("in").forEach(c -> codes.add(c.asText()));
        keep =
            v instanceof Collection<?> ticks
                ? ticks.stream().anyMatch(t -> codes.contains(t.toString()))
                : v != null && codes.contains(v.toString());
      }
      if (keep) {
        out.add(e);
      }
    }
    return out;
  }
}
