package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.idva.insights.model.TableResult;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;

/**
 * Computes one table for a reporting year and the two before it. Every cell is a count of base
 * rows: the denominator is the base narrowed by the table's, the row's and the column group's
 * {@code filter}; the numerator narrows it further by the row's and the column's selection (codes
 * of the effective field, {@code where}, {@code bands}). Stat rows take the mean or median of a
 * value over the denominator. See docs/schema-format.md, "Report table definitions".
 */
final class TableEngine {
  static final int YEARS = 3;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final CaseColumns data;
  private final Bases bases;

  TableEngine(CaseColumns data, Bases bases) {
    this.data = data;
    this.bases = bases;
  }

  /** A column group: its printed label (null for a table without groups) and definition. */
  record Group(String label, JsonNode spec) {}

  TableResult compute(TableDefinition def, int year) {
    JsonNode t = def.definition();
    String baseName = t.path("base").asText("intake_cases");
    List<Group> groups = groups(t);
    List<JsonNode> rows = rows(def, t);
    Map<String, Long> n = new LinkedHashMap<>();
    Map<Integer, Map<String, Object>> values = new HashMap<>();
    Set<String> columns = new LinkedHashSet<>();
    boolean anyCount = rows.stream().anyMatch(r -> !isStat(r));
    boolean anyStat = rows.stream().anyMatch(TableEngine::isStat);
    for (int k = 0; k < YEARS; k++) {
      int y = year - k;
      for (Group g : groups) {
        String prefix = y + (g.label() == null ? "" : "." + g.label());
        if (anyCount && k == 0) {
          columns.add(prefix + ".count");
        }
        if (anyCount) {
          columns.add(prefix + ".pct");
        }
        if (anyStat) {
          columns.add(prefix + ".value");
        }
        Scope scope = scope(baseName, g.spec(), null);
        int[] base = bases.rows(baseName, y);
        IntPredicate filter =
            Expressions.and(
                List.of(
                    Expressions.predicate(scope, t.get("filter")),
                    Expressions.predicate(scope, g.spec().get("filter"))));
        n.put(prefix, (long) count(base, filter));
        for (int r = 0; r < rows.size(); r++) {
          Map<String, Object> out = values.computeIfAbsent(r, x -> new LinkedHashMap<>());
          cell(t, baseName, rows.get(r), g, y, k == 0, prefix, out);
        }
      }
    }
    List<TableResult.Row> result = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      JsonNode row = rows.get(r);
      result.add(
          new TableResult.Row(
              row.get("label").asText(),
              row.path("kind").asText(isStat(row) ? statKind(row) : "category"),
              row.path("indent").asInt(0),
              values.get(r)));
    }
    JsonNode baseDef = bases.definition(baseName);
    return new TableResult(
        def.id(),
        def.section(),
        def.title(),
        baseDef.path("description").asText(baseName),
        new ArrayList<>(columns),
        n,
        result);
  }

  private static boolean isStat(JsonNode row) {
    return row.has("stat");
  }

  private static String statKind(JsonNode row) {
    return row.get("stat").asText().equals("median") ? "median" : "average";
  }

  private Scope scope(String baseName, JsonNode group, JsonNode row) {
    Map<String, String> vars = new HashMap<>();
    addVars(vars, group);
    addVars(vars, row);
    return new Scope(data, bases.sheet(baseName), vars);
  }

  private static void addVars(Map<String, String> vars, JsonNode node) {
    if (node != null && node.has("vars")) {
      node.get("vars").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
    }
  }

  private void cell(
      JsonNode t,
      String tableBase,
      JsonNode row,
      Group g,
      int y,
      boolean reportingYear,
      String prefix,
      Map<String, Object> out) {
    String baseName = row.has("base") ? row.get("base").asText() : tableBase;
    JsonNode col = g.spec();
    Scope scope = scope(baseName, col, row);
    String rowField = firstField(scope, row, col, t);
    String colField = firstField(scope, col, row, t);
    List<IntPredicate> denominator = new ArrayList<>();
    if (!row.has("base")) {
      denominator.add(Expressions.predicate(scope, t.get("filter")));
    }
    denominator.add(Expressions.predicate(scope, col.get("filter")));
    denominator.add(Expressions.predicate(scope, row.get("filter")));
    String percentOf = row.path("percent_of").asText(t.path("percent_of").asText("base"));
    if (percentOf.equals("answered")) {
      String f = rowField != null ? rowField : colField;
      denominator.add(
          Expressions.blank(scope, Expressions.field(scope, requireField(f, row))).negate());
    }
    int[] base = bases.rows(baseName, y);
    IntPredicate inDenominator = Expressions.and(denominator);
    if (isStat(row)) {
      Object v = stat(scope, row, rowField, col, t, base, inDenominator);
      if (v != null) {
        out.put(prefix + ".value", v);
      }
      return;
    }
    IntPredicate selected = selection(scope, row, col, t, rowField, colField);
    long d = 0;
    long c = 0;
    for (int i : base) {
      if (inDenominator.test(i)) {
        d++;
        if (selected.test(i)) {
          c++;
        }
      }
    }
    if (reportingYear) {
      out.put(prefix + ".count", c);
    }
    Integer pct = Percent.of(c, d);
    if (pct != null) {
      out.put(prefix + ".pct", pct);
    }
  }

  private static String requireField(String f, JsonNode row) {
    if (f == null) {
      throw new IllegalArgumentException("row \"" + row.path("label").asText() + "\" has no field");
    }
    return f;
  }

  /** The first field named by the nodes, in order of preference; null when none does. */
  private static String firstField(Scope scope, JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n != null && n.has("field") && scope.isSet(n.get("field").asText())) {
        return n.get("field").asText();
      }
    }
    return null;
  }

  private IntPredicate selection(
      Scope scope, JsonNode row, JsonNode col, JsonNode t, String rowField, String colField) {
    String kind = row.path("kind").asText("category");
    if (kind.equals("total")) {
      return Expressions.ALL;
    }
    List<IntPredicate> parts = new ArrayList<>();
    boolean rowSelects = part(scope, row, rowField, t, parts);
    boolean colSelects = part(scope, col, colField, t, parts);
    if (kind.equals("missing") && !rowSelects) {
      parts.add(Expressions.blank(scope, Expressions.field(scope, requireField(rowField, row))));
      rowSelects = true;
    }
    if (!rowSelects && !colSelects) {
      throw new IllegalArgumentException(
          "row \""
              + row.path("label").asText()
              + "\" selects nothing: give it code/codes, where, bands or kind total/missing");
    }
    return Expressions.and(parts);
  }

  /** Adds a row's or column's selection; false when it selects nothing itself. */
  private boolean part(
      Scope scope, JsonNode node, String field, JsonNode t, List<IntPredicate> parts) {
    boolean any = false;
    if (Expressions.codesOf(node) != null) {
      ObjectNode p = JSON.objectNode();
      p.put("field", requireField(field, node));
      p.set("codes", Expressions.codesOf(node));
      parts.add(Expressions.predicate(scope, p));
      any = true;
    }
    if (node.has("where")) {
      parts.add(Expressions.predicate(scope, node.get("where")));
      any = true;
    }
    if (node.has("bands")) {
      IntToDoubleFunction v = valueOf(scope, node, field, t);
      parts.add(Expressions.range(v, node.get("bands")));
      any = true;
    }
    return any;
  }

  private static IntToDoubleFunction valueOf(
      Scope scope, JsonNode node, String field, JsonNode t) {
    if (node.has("value")) {
      return Expressions.value(scope, node.get("value"));
    }
    if (t.has("value")) {
      return Expressions.value(scope, t.get("value"));
    }
    return Expressions.value(scope, JSON.textNode(requireField(field, node)));
  }

  private Object stat(
      Scope scope,
      JsonNode row,
      String rowField,
      JsonNode col,
      JsonNode t,
      int[] base,
      IntPredicate inDenominator) {
    IntToDoubleFunction v = valueOf(scope, row, rowField, t);
    IntPredicate where = row.has("where") ? Expressions.predicate(scope, row.get("where")) : null;
    double[] xs = new double[base.length];
    int m = 0;
    for (int i : base) {
      if (inDenominator.test(i) && (where == null || where.test(i))) {
        double x = v.applyAsDouble(i);
        if (!Double.isNaN(x)) {
          xs[m++] = x;
        }
      }
    }
    if (m == 0) {
      return null;
    }
    double result;
    if (row.get("stat").asText().equals("median")) {
      Arrays.sort(xs, 0, m);
      result = m % 2 == 1 ? xs[m / 2] : (xs[m / 2 - 1] + xs[m / 2]) / 2;
    } else if (row.get("stat").asText().equals("mean")) {
      double sum = 0;
      for (int i = 0; i < m; i++) {
        sum += xs[i];
      }
      result = sum / m;
    } else {
      throw new IllegalArgumentException(
          "stat \"" + row.get("stat").asText() + "\": use mean or median");
    }
    if (row.has("divide_by")) {
      result = result / row.get("divide_by").asDouble();
    }
    return StatFormat.format(result, row);
  }

  /** Rows as written, or the main field's code list plus Missing. */
  List<JsonNode> rows(TableDefinition def, JsonNode t) {
    if (t.has("rows")) {
      List<JsonNode> rows = new ArrayList<>();
      t.get("rows").forEach(rows::add);
      return rows;
    }
    Field f =
        data.schema()
            .field(def.field())
            .orElseThrow(() -> new IllegalArgumentException("no field " + def.field()));
    if (f.codeList() == null) {
      throw new IllegalArgumentException(def.id() + ": " + def.field() + " has no code list");
    }
    return codeRows(f.codeList().codes(), true);
  }

  static List<JsonNode> codeRows(List<Code> codes, boolean missing) {
    List<JsonNode> rows = new ArrayList<>();
    for (Code c : codes) {
      ObjectNode r = JSON.objectNode();
      r.put("label", c.label());
      r.put("code", c.code());
      rows.add(r);
    }
    if (missing) {
      ObjectNode r = JSON.objectNode();
      r.put("label", "Missing");
      r.put("kind", "missing");
      rows.add(r);
    }
    return rows;
  }

  List<Group> groups(JsonNode t) {
    JsonNode c = t.get("columns");
    List<Group> groups = new ArrayList<>();
    if (c == null) {
      groups.add(new Group(null, JSON.objectNode()));
    } else if (c.isObject()) {
      var list = data.schema().codeLists().get(c.get("codelist").asText());
      if (list == null) {
        throw new IllegalArgumentException("unknown code list " + c.get("codelist").asText());
      }
      for (JsonNode r : codeRows(list.codes(), c.path("missing").asBoolean(false))) {
        groups.add(new Group(r.get("label").asText(), r));
      }
    } else {
      for (Iterator<JsonNode> it = c.elements(); it.hasNext(); ) {
        JsonNode g = it.next();
        groups.add(new Group(g.get("label").asText(), g));
      }
    }
    return groups;
  }

  static boolean isMulti(Field f) {
    return f.type() == FieldType.MULTI_CODE;
  }

  private static int count(int[] rows, IntPredicate p) {
    int c = 0;
    for (int i : rows) {
      if (p.test(i)) {
        c++;
      }
    }
    return c;
  }
}
