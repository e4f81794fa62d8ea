package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.TableResult;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;

/** Computes a table defined inline (JSON, single quotes allowed) with the shipped bases. */
final class Tables {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final ReportDefinitions SHIPPED = ReportDefinitions.loadDefault(SCHEMA);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tables() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"').replace('`', '\''));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static TableDefinition definition(String text) {
    JsonNode t = json(text);
    return new TableDefinition(
        t.path("id").asText("t"),
        "Test",
        "inline",
        t.path("title").asText("t"),
        Measure.fromKey(t.path("measure").asText("single")).orElseThrow(),
        t.path("base").asText(null),
        t.has("field") ? t.get("field").asText() : null,
        List.of(),
        List.of(),
        t);
  }

  static ReportEngine.Tabulation load(CaseData data, TableDefinition... defs) {
    ReportDefinitions d = ReportDefinitions.of(List.of(defs), SHIPPED.bases(), SHIPPED.latestBy());
    return new ReportEngine(SCHEMA, d).load(data);
  }

  static TableResult compute(CaseData data, int year, String text) {
    TableDefinition def = definition(text);
    return load(data, def).table(def, year);
  }

  /** The row's values by label. */
  static Map<String, Object> row(TableResult t, String label) {
    return t.rows().stream()
        .filter(r -> r.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label + " in " + t.rows()))
        .values();
  }
}
