package org.idva.insights.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.Schema;

/**
 * Reads what the sample data must reproduce: the seed report's tables (a copy in {@code
 * sample/seed-tables.json}) joined to the report's table definitions ({@code report/tables/*.json},
 * read as data), which say which field and code each printed row counts. For the calibrated year
 * (2023) the targets are the printed counts; for earlier years the printed percentages of the
 * printed n.
 */
final class SeedTargets {
  static final String SEED = "sample/seed-tables.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Schema schema;
  private final Map<String, JsonNode> seedById = new LinkedHashMap<>();
  private final List<JsonNode> definitions = new ArrayList<>();

  SeedTargets(Schema schema) {
    this.schema = schema;
    JsonNode seed = read(SEED);
    seed.get("tables").forEach(t -> seedById.put(t.get("id").asText(), t));
    for (JsonNode section : read("report/report.json").get("sections")) {
      read("report/tables/" + section.asText() + ".json").get("tables").forEach(definitions::add);
    }
  }

  private static JsonNode read(String resource) {
    try (InputStream in = SeedTargets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report's table definitions, in report order. */
  List<JsonNode> definitions() {
    return definitions;
  }

  JsonNode seedTable(String id) {
    return seedById.get(id);
  }

  /** The targets of one year: {@code 2023} (counts) or {@code 2022} / {@code 2021} (percent). */
  YearTargets year(String year) {
    YearTargets out = new YearTargets(year, seedById);
    boolean exact = year.equals("2023");
    for (JsonNode def : definitions) {
      String id = def.get("id").asText();
      JsonNode seed = seedById.get(id);
      if (seed == null) {
        continue;
      }
      String measure = def.get("measure").asText();
      String base = def.path("base").asText("");
      switch (measure) {
        case "single", "multi" -> readSimple(out, def, seed, exact, base);
        case "grid" -> readGrid(out, def, seed, exact);
        case "pair" -> readPair(out, def, seed, exact);
        case "change" -> readChangeBases(out, def, seed, exact);
        default -> {}
      }
    }
    out.fields.values().removeIf(t -> t.weights.isEmpty() && t.missing == null);
    out.partials.forEach(out.fields::putIfAbsent);
    out.fields.values().removeIf(t -> t.weights.isEmpty() && t.missing == null);
    out.cohort.values().removeIf(t -> t.weights.isEmpty() && t.missing == null);
    readSizes(out, exact);
    return out;
  }

  private void readSimple(YearTargets out, JsonNode def, JsonNode seed, boolean exact, String b) {
    String field = def.path("field").asText(null);
    Field asked = field == null ? null : schema.field(field).orElse(null);
    Integer printedN = n(seed, out.year, null);
    if (asked != null && asked.isConditional() && printedN != null) {
      // a follow-up question's table prints how many were asked it: the answers that ask it
      String form = field.substring(0, field.indexOf('.'));
      for (String code : asked.when().codes()) {
        out.askedN.putIfAbsent(form + "." + asked.when().field() + "=" + code, printedN);
      }
    }
    Set<String> used = new HashSet<>();
    for (JsonNode row : rows(def, field)) {
      String label = row.get("label").asText();
      String kind = row.path("kind").asText("category");
      JsonNode seedRow = seedRow(seed, label, used);
      if (seedRow == null || kind.equals("subtotal") || kind.equals("total")) {
        continue;
      }
      Double v = value(seedRow, out.year, null, exact);
      if (v == null) {
        continue;
      }
      String rowField = row.has("field") ? row.get("field").asText() : field;
      if (rowField == null || row.has("stat") || row.has("expr")) {
        continue;
      }
      boolean own = rowField.equals(field);
      boolean multi = own ? def.get("measure").asText().equals("multi") : isMulti(rowField);
      // a row counting another field prints its % of the table's n: turn it into a count
      Integer tableN = n(seed, out.year, null);
      boolean asCount = !exact && !own && tableN != null;
      Target t =
          asCount
              ? out.partials.computeIfAbsent(rowField, f -> new Target(f, multi, true))
              : out.target(rowField, multi, exact);
      t.sources.add(def.get("id").asText());
      if (asCount) {
        v = Math.rint(v * tableN / 100.0);
      }
      if (rowField.equals(field) && b.equals("unique_clients")) {
        out.clientFields.add(field);
      }
      if (rowField.equals(field) && t.n == null) {
        t.n = n(seed, out.year, null);
      }
      if (own && def.path("percent_of").asText("").equals("answered")) {
        t.percentOfAnswered = true;
      }
      if (kind.equals("missing")) {
        t.missing = v;
      } else if (row.has("code")) {
        t.put(row.get("code").asText(), v);
      } else if (row.has("codes") && !own && asCount) {
        // e.g. "Physical" = high, moderate or standard: shared equally when nothing fuller exists
        JsonNode codes = row.get("codes");
        for (JsonNode c : codes) {
          t.put(c.asText(), Math.rint(v / codes.size()));
        }
      } else if (row.has("bands")) {
        JsonNode bands = row.get("bands");
        t.put(
            Target.band(
                bands.has("min") ? bands.get("min").asInt() : null,
                bands.has("max") ? bands.get("max").asInt() : null),
            v);
      }
    }
    if (field != null && b.equals("unique_clients")) {
      out.clientFields.add(field);
      Field f = schema.field(field).orElseThrow();
      if (f.id().equals("gender_identity")) {
        out.clientFields.add("intake.gender_same_as_birth_sex");
      }
    }
  }

  private List<JsonNode> rows(JsonNode def, String field) {
    List<JsonNode> rows = new ArrayList<>();
    if (def.has("rows")) {
      def.get("rows").forEach(rows::add);
      return rows;
    }
    Field f = schema.field(field).orElseThrow();
    for (Code c : f.codeList().codes()) {
      rows.add(JSON.createObjectNode().put("label", c.label()).put("code", c.code()));
    }
    rows.add(JSON.createObjectNode().put("label", "Missing").put("kind", "missing"));
    return rows;
  }

  private void readGrid(YearTargets out, JsonNode def, JsonNode seed, boolean exact) {
    JsonNode columns = def.get("columns");
    String id = def.get("id").asText();
    if (def.has("field")) {
      out.civilOrders = seed; // rows = order type, columns = outcome: built by its own handler
      return;
    }
    if (columns.isObject()) {
      // rows are fields, columns the codes of one list
      String listId = columns.get("codelist").asText();
      for (JsonNode row : def.get("rows")) {
        String field = row.get("field").asText();
        JsonNode seedRow = seedRow(seed, row.get("label").asText(), new HashSet<>());
        if (seedRow == null) {
          continue;
        }
        Target t = out.target(field, false, exact);
        t.sources.add(id);
        t.n = n(seed, out.year, null);
        for (Code c : schema.codeLists().get(listId).codes()) {
          Double v = value(seedRow, out.year, c.label(), exact);
          if (v != null) {
            t.put(c.code(), v);
          }
        }
        Double m = value(seedRow, out.year, "Missing", exact);
        if (m != null) {
          t.missing = m;
        }
      }
      return;
    }
    for (JsonNode column : columns) {
      String group = column.get("label").asText();
      String field = column.get("field").asText();
      Target t = out.target(field, false, exact);
      t.sources.add(id);
      t.n = n(seed, out.year, group);
      Set<String> used = new HashSet<>();
      for (JsonNode row : def.get("rows")) {
        String kind = row.path("kind").asText("category");
        JsonNode seedRow = seedRow(seed, row.get("label").asText(), used);
        if (seedRow == null || kind.equals("subtotal")) {
          continue;
        }
        Double v = value(seedRow, out.year, group, exact);
        if (v == null) {
          continue;
        }
        if (kind.equals("missing")) {
          t.missing = v;
        } else if (row.has("code")) {
          t.put(row.get("code").asText(), v);
        }
      }
    }
  }

  private void readPair(YearTargets out, JsonNode def, JsonNode seed, boolean exact) {
    String id = def.get("id").asText();
    if (def.has("filter")) {
      out.dashPair = seed;
      return;
    }
    for (JsonNode column : def.get("columns")) {
      if (!column.has("field")) {
        continue;
      }
      String group = column.get("label").asText();
      String field = column.get("field").asText();
      boolean intake = field.startsWith("intake.");
      if (intake && column.has("filter")) {
        continue; // CYPS involvement: a client-profile answer, not calibrated per exit cohort
      }
      Target t = intake ? out.cohortTarget(field, exact) : out.target(field, isMulti(field), exact);
      t.sources.add(id);
      t.n = n(seed, out.year, group);
      Set<String> used = new HashSet<>();
      for (JsonNode row : rows(def, field)) {
        String kind = row.path("kind").asText("category");
        JsonNode seedRow = seedRow(seed, row.get("label").asText(), used);
        if (seedRow == null) {
          continue;
        }
        Double v = value(seedRow, out.year, group, exact);
        if (v == null) {
          continue;
        }
        if (kind.equals("missing")) {
          t.missing = v;
        } else if (row.has("code")) {
          t.put(row.get("code").asText(), v);
        }
      }
    }
  }

  /**
   * A change table (e.g. current to ex-partner) prints a count and its % of the exit cases with an
   * intake answer, but no n: the implied base, count x 100 / %, is how many of the exit cohort gave
   * that intake answer (calibrated year only).
   */
  private void readChangeBases(YearTargets out, JsonNode def, JsonNode seed, boolean exact) {
    if (!exact) {
      return;
    }
    Set<String> used = new HashSet<>();
    for (JsonNode row : def.path("rows")) {
      JsonNode seedRow = seedRow(seed, row.get("label").asText(), used);
      JsonNode filter = row.get("filter");
      if (seedRow == null || filter == null || filter.path("in").size() != 1) {
        continue;
      }
      JsonNode count = seedRow.path("values").get(out.year + ".count");
      JsonNode pct = seedRow.path("values").get(out.year + ".pct");
      if (count != null && pct != null && pct.asDouble() > 0) {
        out.cohortBases
            .computeIfAbsent(filter.get("field").asText(), f -> new LinkedHashMap<>())
            .put(filter.get("in").get(0).asText(), new double[] {count.asDouble(), pct.asDouble()});
      }
    }
  }

  private void readSizes(YearTargets out, boolean exact) {
    out.intakes = n(seedById.get("referral_status"), out.year, null);
    out.clients = n(seedById.get("client_age"), out.year, null);
    out.exits = n(seedById.get("case_length"), out.year, null);
    out.reviews = n(seedById.get("review_further_abuse"), out.year, null);
    out.policeReports = n(seedById.get("cj_incidents"), out.year, null);
    out.incidents = n(seedById.get("cj_consequences"), out.year, null);
    out.civilClients = n(seedById.get("civil_legal_aid"), out.year, null);
    out.children = n(seedById.get("children_ages"), out.year, null);
    out.caseLength = seedById.get("case_length");
    out.contacts = seedById.get("contacts_received");
    out.reviewPoint = seedById.get("review_point");
  }

  private boolean isMulti(String field) {
    return schema.field(field).map(f -> f.type() == FieldType.MULTI_CODE).orElse(false);
  }

  static JsonNode seedRow(JsonNode seed, String label, Set<String> used) {
    int i = 0;
    for (JsonNode row : seed.get("rows")) {
      if (row.get("label").asText().equals(label) && used.add(Integer.toString(i))) {
        return row;
      }
      i++;
    }
    return null;
  }

  /** The row's count (exact) or percentage for the year and column group, or null. */
  static Double value(JsonNode row, String year, String group, boolean exact) {
    String prefix = year + (group == null ? "" : "." + group);
    JsonNode values = row.get("values");
    JsonNode v = values.get(prefix + (exact ? ".count" : ".pct"));
    if (v == null && exact) {
      return null;
    }
    return v == null || !v.isNumber() ? null : v.asDouble();
  }

  /** The printed n (or the implied n) of a table for a year and column group. */
  static Integer n(JsonNode seed, String year, String group) {
    String key = year + (group == null ? "" : "." + group);
    for (String k : new String[] {"n", "n_implied"}) {
      JsonNode n = seed.path(k).get(key);
      if (n != null && n.isNumber()) {
        return n.asInt();
      }
    }
    return null;
  }

  /** Everything one year must add up to. */
  static final class YearTargets {
    final String year;
    final Map<String, Target> fields = new LinkedHashMap<>();
    final Map<String, Target> cohort = new LinkedHashMap<>();

    /** Figures of rows that count another field than their table's (used if nothing fuller). */
    final Map<String, Target> partials = new LinkedHashMap<>();

    final Set<String> clientFields = new LinkedHashSet<>();

    /**
     * How many records give an answer that asks a follow-up question, where the follow-up's table
     * prints its n: key {@code form.field=code}.
     */
    final Map<String, Integer> askedN = new LinkedHashMap<>();

    /**
     * Intake answers of the exit cohort implied by change tables: field → code → {count, %}; the
     * cohort's number with the code must make count / number round to the %.
     */
    final Map<String, Map<String, double[]>> cohortBases = new LinkedHashMap<>();

    Integer intakes;
    Integer clients;
    Integer exits;
    Integer reviews;
    Integer policeReports;
    Integer incidents;
    Integer civilClients;
    Integer children;
    JsonNode civilOrders;
    JsonNode dashPair;
    JsonNode caseLength;
    JsonNode contacts;
    JsonNode reviewPoint;

    final Map<String, JsonNode> seedTables;

    YearTargets(String year, Map<String, JsonNode> seedTables) {
      this.year = year;
      this.seedTables = seedTables;
    }

    boolean exact() {
      return year.equals("2023");
    }

    /** A printed figure: the count (2023) or percent (earlier) of a row, or null. */
    Double figure(String table, String row, String group) {
      JsonNode seed = seedTables.get(table);
      JsonNode r = seed == null ? null : seedRow(seed, row, new HashSet<>());
      return r == null ? null : value(r, year, group, exact());
    }

    /** The printed % of a row (in a year that prints counts too), or null. */
    Double percent(String table, String row, String group) {
      JsonNode seed = seedTables.get(table);
      JsonNode r = seed == null ? null : seedRow(seed, row, new HashSet<>());
      return r == null ? null : value(r, year, group, false);
    }

    Target target(String field, boolean multi, boolean exact) {
      return fields.computeIfAbsent(field, f -> new Target(f, multi, exact));
    }

    Target cohortTarget(String field, boolean exact) {
      return cohort.computeIfAbsent(field, f -> new Target(f, false, exact));
    }
  }
}
