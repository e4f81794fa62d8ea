package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.idva.insights.schema.DefinitionException;
import org.idva.insights.schema.DefinitionSource;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.JsonDefinition;
import org.idva.insights.schema.Schema;

/**
 * The report's table definitions: {@code report/report.json} lists the section files in report
 * order; each is {@code report/tables/<file>.json}. Every field a definition names must exist in
 * the schema and every code it names must be in that field's code list.
 */
public final class ReportDefinitions {
  static final String MANIFEST = "report/report.json";
  private static final Set<String> TABLE_KEYS =
      Set.of(
          "id",
          "title",
          "heading",
          "higher_is",
          "measure",
          "base",
          "filter",
          "field",
          "rows",
          "columns",
          "codelist",
          "percent_of",
          "value",
          "notes");
  private static final Set<String> ROW_KEYS =
      Set.of(
          "label",
          "kind",
          "indent",
          "field",
          "code",
          "codes",
          "in",
          "where",
          "bands",
          "filter",
          "base",
          "vars",
          "column",
          "stat",
          "value",
          "divide_by",
          "decimals",
          "unit",
          "format",
          "figure",
          "text",
          "years",
          "first_year",
          "percent_of");

  /** What a higher % means: the year-on-year colours follow it. */
  static final List<String> HIGHER_IS = List.of("better", "worse", "neutral");

  private static final Set<String> COLUMN_KEYS =
      Set.of("label", "field", "code", "codes", "in", "where", "bands", "filter", "vars", "kind");

  private final List<TableDefinition> tables;
  private final Map<String, JsonNode> bases;
  private final Map<String, String> latestBy;

  private ReportDefinitions(
      List<TableDefinition> tables, Map<String, JsonNode> bases, Map<String, String> latestBy) {
    this.tables = List.copyOf(tables);
    this.bases = Map.copyOf(bases);
    this.latestBy = Map.copyOf(latestBy);
  }

  /** Definitions assembled in code (tests, benchmarks). */
  static ReportDefinitions of(
      List<TableDefinition> tables, Map<String, JsonNode> bases, Map<String, String> latestBy) {
    return new ReportDefinitions(tables, bases, latestBy);
  }

  /** The populations tables count, by name (the manifest's {@code bases}). */
  public Map<String, JsonNode> bases() {
    return bases;
  }

  /** Per sheet, the date field that orders its rows (the manifest's {@code latest_by}). */
  public Map<String, String> latestBy() {
    return latestBy;
  }

  public List<TableDefinition> tables() {
    return tables;
  }

  public Optional<TableDefinition> table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public static ReportDefinitions loadDefault(Schema schema) {
    return load(DefinitionSource.classpath(), schema);
  }

  public static ReportDefinitions load(DefinitionSource source, Schema schema) {
    JsonDefinition manifest =
        JsonDefinition.read(source, MANIFEST)
            .allowOnly(Set.of("description", "sections", "bases", "latest_by"));
    Map<String, JsonNode> bases = new LinkedHashMap<>();
    manifest
        .node()
        .path("bases")
        .fields()
        .forEachRemaining(
            e -> {
              new ReferenceChecker(schema, manifest)
                  .walk(e.getValue(), null, "bases." + e.getKey(), new ArrayList<>());
              if (schema.sheet(e.getValue().path("sheet").asText()).isEmpty()) {
                throw manifest.error(
                    "base \"" + e.getKey() + "\" names no sheet of the schema in \"sheet\"");
              }
              bases.put(e.getKey(), e.getValue());
            });
    Map<String, String> latestBy =
        manifest.has("latest_by") ? manifest.stringMap("latest_by") : Map.of();
    Map<String, TableDefinition> byId = new LinkedHashMap<>();
    for (String file : manifest.strings("sections")) {
      String path = "report/tables/" + file + ".json";
      JsonDefinition section =
          JsonDefinition.read(source, path).allowOnly(Set.of("section", "description", "tables"));
      String sectionName = section.string("section");
      for (JsonDefinition t : section.array("tables", true)) {
        TableDefinition table = readTable(t, sectionName, source.describe(path), schema);
        if (byId.putIfAbsent(table.id(), table) != null) {
          throw t.error(
              "table \"" + table.id() + "\" is also defined in " + byId.get(table.id()).file());
        }
      }
    }
    for (TableDefinition t : byId.values()) {
      checkBases(t.definition(), bases.keySet(), t);
    }
    return new ReportDefinitions(new ArrayList<>(byId.values()), bases, latestBy);
  }

  private static void checkBases(JsonNode node, Set<String> known, TableDefinition t) {
    if (node.isContainerNode()) {
      JsonNode b = node.get("base");
      if (b != null && b.isTextual() && !known.contains(b.asText())) {
        throw new DefinitionException(
            t.file(),
            t.id(),
            "base \"" + b.asText() + "\" is not defined; the manifest defines " + known);
      }
      node.elements().forEachRemaining(e -> checkBases(e, known, t));
    }
  }

  private static TableDefinition readTable(
      JsonDefinition t, String section, String file, Schema schema) {
    t.allowOnly(TABLE_KEYS);
    String id = t.string("id");
    String measureKey = t.string("measure");
    Measure measure =
        Measure.fromKey(measureKey)
            .orElseThrow(
                () ->
                    t.error(
                        "unknown measure \""
                            + measureKey
                            + "\"; use one of "
                            + Arrays.stream(Measure.values()).map(Measure::key).toList()));
    String field = t.has("field") ? t.string("field") : null;
    if (t.has("higher_is") && !HIGHER_IS.contains(t.string("higher_is"))) {
      throw t.error("\"higher_is\" is \"" + t.string("higher_is") + "\"; use one of " + HIGHER_IS);
    }
    if (t.has("codelist") && !schema.codeLists().containsKey(t.string("codelist"))) {
      throw t.error("unknown code list \"" + t.string("codelist") + "\"");
    }
    List<String> refs = new ArrayList<>();
    new ReferenceChecker(schema, t).walk(t.node(), field, t.path(), refs);
    List<String> labels = new ArrayList<>();
    for (JsonDefinition row : t.array("rows", false)) {
      row.allowOnly(ROW_KEYS);
      labels.add(row.string("label"));
    }
    JsonNode columns = t.node().get("columns");
    if (columns != null && columns.isArray()) {
      for (JsonDefinition column : t.array("columns", false)) {
        column.allowOnly(COLUMN_KEYS);
        column.string("label");
      }
    } else if (columns != null) {
      t.object("columns").allowOnly(Set.of("codelist", "missing"));
    }
    if (measure == Measure.SINGLE || measure == Measure.MULTI) {
      if (field == null && labels.isEmpty()) {
        throw t.error(
            "a " + measure.key() + " table names its question in \"field\" or lists its \"rows\"");
      }
      Field f = field == null ? null : schema.field(field).orElseThrow();
      if (f != null && labels.isEmpty() && !f.type().isCoded()) {
        throw t.error(
            "\""
                + field
                + "\" has no code list, so the table must list its \"rows\" (bands, stats)");
      }
    }
    return new TableDefinition(
        id,
        section,
        file,
        t.optionalString("title", id),
        measure,
        t.optionalString("base", null),
        field,
        labels,
        refs.stream().distinct().toList(),
        t.node());
  }

  /** Walks a table definition checking every field and code it names. */
  private record ReferenceChecker(Schema schema, JsonDefinition table) {
    void walk(JsonNode node, String inheritedField, String path, List<String> refs) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), inheritedField, path + "[" + i + "]", refs);
        }
        return;
      }
      if (!node.isObject()) {
        return;
      }
      String field = inheritedField;
      JsonNode f = node.get("field");
      if (f != null && f.isTextual() && !f.asText().startsWith("$")) {
        field = f.asText();
        resolve(field, path + ".field");
        refs.add(field);
      }
      JsonNode fs = node.get("fields");
      if (fs != null && fs.isArray()) {
        for (int i = 0; i < fs.size(); i++) {
          if (fs.get(i).isTextual() && !fs.get(i).asText().startsWith("$")) {
            resolve(fs.get(i).asText(), path + ".fields[" + i + "]");
            refs.add(fs.get(i).asText());
          }
        }
      }
      for (String key : List.of("has", "rows")) {
        JsonNode sheet = node.get(key);
        if (sheet != null && sheet.isTextual() && schema.sheet(sheet.asText()).isEmpty()) {
          throw new DefinitionException(
              table.file(),
              path + "." + key,
              "\""
                  + sheet.asText()
                  + "\" is not a sheet of the schema (e.g. review, intake.children)");
        }
      }
      for (String key : List.of("code", "codes", "in", "among")) {
        JsonNode codes = node.get(key);
        if (codes != null && field != null) {
          checkCodes(field, codes, path + "." + key);
        }
      }
      final String current = field;
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isContainerNode()) {
                  walk(e.getValue(), current, path + "." + e.getKey(), refs);
                }
              });
    }

    private Field resolve(String ref, String path) {
      return schema
          .field(ref)
          .orElseThrow(
              () ->
                  new DefinitionException(
                      table.file(),
                      path,
                      "field \""
                          + ref
                          + "\" is not in the schema (write form.field or"
                          + " form.group.field, e.g. intake.disability)"));
    }

    private void checkCodes(String ref, JsonNode codes, String path) {
      Field field = resolve(ref, path);
      if (field.codeList() == null) {
        return;
      }
      List<JsonNode> items = new ArrayList<>();
      if (codes.isArray()) {
        codes.forEach(items::add);
      } else {
        items.add(codes);
      }
      for (JsonNode c : items) {
        if (c.isTextual() && !field.codeList().hasCode(c.asText())) {
          throw new DefinitionException(
              table.file(),
              path,
              "code \""
                  + c.asText()
                  + "\" is not in code list \""
                  + field.codeList().id()
                  + "\" of "
                  + ref);
        }
      }
    }
  }
}
