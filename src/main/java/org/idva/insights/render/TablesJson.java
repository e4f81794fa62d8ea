package org.idva.insights.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.TableResult;

/**
 * Reads tables in the seed file's shape ({@code insights-idva-2022-23.tables.json}): {@code
 * reporting_year}, {@code year_labels} and {@code tables} with id, section, title, population,
 * columns ({@code key}), n and rows (label, kind, indent, values). Counts become {@code Long},
 * percents {@code Integer}, other numbers {@code Double}, text stays text; nulls are left out.
 */
public final class TablesJson {
  private TablesJson() {}

  public static ReportTables read(Path file, LocalDate generatedOn) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.path("tables").isArray()) {
      throw new IOException(file + ": expected an object with a \"tables\" array");
    }
    List<TableResult> tables = new ArrayList<>();
    for (JsonNode t : root.get("tables")) {
      tables.add(table(t));
    }
    String label = root.path("reporting_year").asText("");
    Map<String, String> periods = new LinkedHashMap<>();
    root.path("year_labels")
        .properties()
        .forEach(e -> periods.put(e.getKey(), e.getValue().asText()));
    String year = reportingYear(label, tables);
    return new ReportTables(
        new ReportEdition(
            year, label.isEmpty() ? year : label, periods, generatedOn, ReportEdition.ALL_SERVICES),
        tables);
  }

  /** {@code 2022-23} → {@code 2023}; without a label, the newest year among the column keys. */
  static String reportingYear(String label, List<TableResult> tables) {
    if (label.matches("\\d{4}-\\d{2}")) {
      return label.substring(0, 2) + label.substring(5);
    }
    return tables.stream()
        .flatMap(t -> t.columns().stream())
        .map(k -> k.substring(0, k.indexOf('.')))
        .max(String::compareTo)
        .orElseThrow(() -> new IllegalArgumentException("no reporting year and no columns"));
  }

  static TableResult table(JsonNode t) {
    List<String> columns = new ArrayList<>();
    for (JsonNode c : t.path("columns")) {
      columns.add(c.isTextual() ? c.asText() : c.path("key").asText());
    }
    Map<String, Long> n = new LinkedHashMap<>();
    t.path("n")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isNumber()) {
                n.put(e.getKey(), e.getValue().asLong());
              }
            });
    List<TableResult.Row> rows = new ArrayList<>();
    for (JsonNode r : t.path("rows")) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : r.path("values").properties()) {
        Object v = value(e.getKey(), e.getValue());
        if (v != null) {
          values.put(e.getKey(), v);
        }
      }
      rows.add(
          new TableResult.Row(
              r.path("label").asText(),
              r.path("kind").asText("category"),
              r.path("indent").asInt(0),
              values));
    }
    java.util.Set<String> notCollected = new java.util.TreeSet<>();
    t.path("not_collected").forEach(g -> notCollected.add(g.asText()));
    return new TableResult(
        t.path("id").asText(),
        t.path("section").asText(),
        t.path("title").asText(),
        t.path("population").asText(""),
        columns,
        n,
        rows,
        t.path("heading").asText(""),
        t.path("higher_is").asText(TableResult.NEUTRAL),
        notCollected);
  }

  private static Object value(String key, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    String measure = key.substring(key.lastIndexOf('.') + 1);
    if (v.isIntegralNumber()) {
      return switch (measure) {
        case "pct" -> v.asInt();
        case "value" -> v.asDouble();
        default -> v.asLong();
      };
    }
    return v.asDouble();
  }
}
