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
import java.util.function.IntUnaryOperator;
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
    Cache cache = new Cache();
    Set<String> columns = new LinkedHashSet<>();
    boolean anyCount = rows.stream().anyMatch(r -> !isStat(r));
    boolean anyStat = rows.stream().anyMatch(TableEngine::isStat);
    for (int k = 0; k < YEARS; k++) {
      int y = year - k;
      List<Group> all = new ArrayList<>(groups);
      for (JsonNode row : rows) {
        if (row.has("column")
            && all.stream().noneMatch(g -> row.get("column").asText().equals(g.label()))) {
          all.add(new Group(row.get("column").asText(), JSON.objectNode()));
        }
      }
      List<Long> groupSizes = new ArrayList<>();
      for (Group g : all) {
        String prefix = y + (g.label() == null ? "" : "." + g.label());
        boolean own = !groups.contains(g);
        boolean groupCounts = rows.stream().anyMatch(r -> !isStat(r) && belongs(r, g, own));
        boolean groupStats = rows.stream().anyMatch(r -> isStat(r) && belongs(r, g, own));
        if (groupCounts && k == 0) {
          columns.add(prefix + ".count");
        }
        if (groupCounts) {
          columns.add(prefix + ".pct");
        }
        if (groupStats) {
          columns.add(prefix + ".value");
        }
        if (!own) {
          Long size = groupSize(cache, t, baseName, g, y);
          if (size != null) {
            n.put(prefix, size);
            if (g.label() != null) {
              groupSizes.add(size);
            }
          }
        }
        for (int r = 0; r < rows.size(); r++) {
          Map<String, Object> out = values.computeIfAbsent(r, x -> new LinkedHashMap<>());
          if (belongs(rows.get(r), g, own)) {
            try {
              cell(cache, t, baseName, rows.get(r), g, y, k, prefix, out);
            } catch (Scope.UnsetVariable e) {
              // this row and column do not meet: the cell stays empty
            }
          }
        }
      }
      // column groups sharing one base (a grid's levels, intake and exit of one cohort): the
      // table's n for the year is that base, as printed
      if (!groupSizes.isEmpty()
          && !n.containsKey(String.valueOf(y))
          && groupSizes.stream().distinct().count() == 1) {
        n.put(String.valueOf(y), groupSizes.get(0));
      }
    }
    for (int k = 0; k < YEARS; k++) {
      String y = Integer.toString(year - k);
      java.util.Set<Long> sizes = new java.util.HashSet<>();
      n.forEach(
          (key, size) -> {
            if (key.startsWith(y + ".")) {
              sizes.add(size);
            }
          });
      if (sizes.size() == 1) {
        n.put(y, sizes.iterator().next()); // every group on the same base: n for the year too
      }
    }
    if (rows.stream().anyMatch(r -> r.has("figure"))) {
      columns.clear();
      for (String measure : List.of("count", "per_100", "pct", "value")) {
        for (int k = 0; k < YEARS; k++) {
          String key = (year - k) + "." + measure;
          if (values.values().stream().anyMatch(v -> v.containsKey(key))) {
            columns.add(key);
          }
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
    String population = baseDef.path("description").asText(baseName);
    Set<String> figureBases = new LinkedHashSet<>();
    for (JsonNode row : rows) {
      if (row.has("figure") && !row.get("figure").asText().equals("text")) {
        figureBases.add(row.path("base").asText(baseName));
      }
    }
    if (figureBases.size() > 1) {
      // headline figures on several populations: no one n is theirs, so none is printed
      n.clear();
      List<String> names = new ArrayList<>();
      figureBases.forEach(b -> names.add(bases.definition(b).path("description").asText(b)));
      population = "each figure on its own base: " + String.join("; ", names);
    }
    // earlier years' groups in which every case of the base is Missing: the question was not
    // asked then (the reporting year is never marked: a blank there is a query for the services)
    Set<String> notCollected = new java.util.TreeSet<>(cache.allMissing);
    if (!notCollected.isEmpty()) {
      result = withoutGroups(result, notCollected);
    }
    return new TableResult(
        def.id(),
        def.section(),
        def.title(),
        population,
        new ArrayList<>(columns),
        n,
        result,
        t.path("heading").asText(""),
        t.path("higher_is").asText(TableResult.NEUTRAL),
        notCollected);
  }

  private static List<TableResult.Row> withoutGroups(List<TableResult.Row> rows, Set<String> gone) {
    List<TableResult.Row> out = new ArrayList<>();
    for (TableResult.Row r : rows) {
      Map<String, Object> kept = new LinkedHashMap<>();
      r.values()
          .forEach(
              (k, v) -> {
                int last = k.lastIndexOf('.');
                if (last < 0 || !gone.contains(k.substring(0, last))) {
                  kept.put(k, v);
                }
              });
      out.add(new TableResult.Row(r.label(), r.kind(), r.indent(), kept));
    }
    return out;
  }

  /** A row with its own {@code column} is computed only there; other rows only in the table's. */
  private static boolean belongs(JsonNode row, Group g, boolean own) {
    return row.has("column") ? row.get("column").asText().equals(g.label()) : !own;
  }

  private Long groupSize(Cache cache, JsonNode t, String baseName, Group g, int y) {
    JsonNode percentOf = t.get("percent_of");
    if (percentOf != null && percentOf.has("base")) {
      return (long) bases.rows(percentOf.get("base").asText(), y).length;
    }
    try {
      Scope scope = scope(baseName, g.spec(), null);
      IntPredicate filter =
          Expressions.and(
              List.of(
                  Expressions.predicate(scope, t.get("filter")),
                  Expressions.predicate(scope, g.spec().get("filter"))));
      String key = baseName + "|" + y + "|" + t.path("filter") + "|" + g.spec().path("filter");
      return (long)
          cache.denominators.computeIfAbsent(key, x -> filter(bases.rows(baseName, y), filter))
              .length;
    } catch (Scope.UnsetVariable e) {
      return null;
    }
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
      Cache cache,
      JsonNode t,
      String tableBase,
      JsonNode row,
      Group g,
      int y,
      int k,
      String prefix,
      Map<String, Object> out) {
    boolean reportingYear = k == 0;
    String figure = row.path("figure").asText("");
    if (figure.equals("text")) {
      if (reportingYear) {
        out.put(prefix + ".value", row.get("text").asText());
      }
      return;
    }
    if (!figure.isEmpty()
        && !figure.equals("count")
        && !figure.equals("services")
        && !reportingYear) {
      return;
    }
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
    JsonNode percentNode = row.has("percent_of") ? row.get("percent_of") : t.get("percent_of");
    String percentOf =
        percentNode == null || percentNode.isObject() ? "base" : percentNode.asText();
    if (percentOf.equals("answered") && !row.path("kind").asText("").equals("missing")) {
      // Missing stays a share of the whole base: only answers are shares of those who answered
      String f = rowField != null ? rowField : colField;
      denominator.add(
          Expressions.blank(scope, Expressions.field(scope, requireField(f, row))).negate());
    }
    String denominatorKey =
        baseName
            + "|"
            + y
            + "|"
            + (row.has("base") ? "" : t.path("filter"))
            + "|"
            + col.path("filter")
            + "|"
            + row.path("filter")
            + "|"
            + (percentOf.equals("answered") && !row.path("kind").asText("").equals("missing")
                ? (rowField != null ? rowField : colField)
                : "")
            + "|"
            + new java.util.TreeMap<>(scope.vars());
    IntPredicate inDenominator = Expressions.and(denominator);
    int[] rowsIn =
        cache.denominators.computeIfAbsent(
            denominatorKey, key -> filter(bases.rows(baseName, y), inDenominator));
    if (isStat(row)) {
      Object v = stat(scope, row, rowField, col, t, rowsIn, Expressions.ALL);
      if (v != null) {
        out.put(prefix + ".value", v);
      }
      return;
    }
    long d = rowsIn.length;
    long c;
    java.util.BitSet services = new java.util.BitSet();
    String histogramField = histogramField(row, col, rowField, colField);
    if (histogramField != null
        && !figure.equals("services")
        && !Expressions.manyPerRow(scope, Expressions.field(scope, histogramField))) {
      c = fromHistogram(scope, cache, denominatorKey, rowsIn, histogramField, row, col);
    } else {
      IntPredicate selected = selection(scope, row, col, t, rowField, colField);
      SheetColumns sheet = data.sheet(scope.sheet());
      c = 0;
      for (int i : rowsIn) {
        if (selected.test(i)) {
          c++;
          services.set(sheet.service(i));
        }
      }
    }
    if (!figure.isEmpty()) {
      if (percentNode != null && percentNode.has("base")) {
        d = bases.rows(percentNode.get("base").asText(), y).length;
      }
      figure(row, figure, k, prefix, c, d, services.cardinality(), out);
      return;
    }
    if (percentNode != null && percentNode.has("base")) {
      d = bases.rows(percentNode.get("base").asText(), y).length;
    }
    if (reportingYear) {
      out.put(prefix + ".count", c);
    } else if (row.path("kind").asText("").equals("missing") && d > 0 && c == d) {
      cache.allMissing.add(prefix);
    }
    Integer pct = Percent.of(c, d);
    if (pct != null) {
      out.put(prefix + ".pct", pct);
    }
  }

  /** Per-table caches: denominators and code histograms shared by a table's cells. */
  static final class Cache {
    final Map<String, int[]> denominators = new HashMap<>();
    final Map<String, long[]> histograms = new HashMap<>();

    /** Earlier years' column groups whose Missing row holds every case of its base. */
    final Set<String> allMissing = new java.util.TreeSet<>();
  }

  private static int[] filter(int[] rows, IntPredicate p) {
    if (p == Expressions.ALL) {
      return rows; // shared, never written
    }
    int[] out = new int[rows.length];
    int n = 0;
    for (int i : rows) {
      if (p.test(i)) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The field whose code histogram answers this cell: when the cell selects only codes (or Missing)
   * of one field, on the row or the column but not both, with no where or bands; else null.
   */
  private static String histogramField(
      JsonNode row, JsonNode col, String rowField, String colField) {
    if (row.has("figure")
        || row.path("kind").asText("").equals("total")
        || row.has("where")
        || row.has("bands")
        || col.has("where")
        || col.has("bands")) {
      return null;
    }
    boolean rowCodes = Expressions.codesOf(row) != null;
    boolean colCodes = Expressions.codesOf(col) != null;
    boolean rowMissing = row.path("kind").asText("").equals("missing");
    boolean colMissing = col.path("kind").asText("").equals("missing");
    int parts = (rowCodes || rowMissing ? 1 : 0) + (colCodes || colMissing ? 1 : 0);
    if (parts != 1) {
      return null;
    }
    return rowCodes || rowMissing ? rowField : colField;
  }

  /** Counts from a histogram of the field's codes over the denominator rows (last slot: blank). */
  private long fromHistogram(
      Scope scope,
      Cache cache,
      String key,
      int[] rowsIn,
      String fieldRef,
      JsonNode row,
      JsonNode col) {
    Expressions.FieldRef f = Expressions.field(scope, fieldRef);
    if (!f.field().type().isCoded()) {
      IntPredicate blank = Expressions.blank(scope, f);
      long c = 0;
      for (int i : rowsIn) {
        if (blank.test(i)) {
          c++;
        }
      }
      return c;
    }
    boolean multi = isMulti(f.field());
    int size = f.field().codeList().codes().size();
    JsonNode codes =
        Expressions.codesOf(row) != null ? Expressions.codesOf(row) : Expressions.codesOf(col);
    if (multi && codes != null && codes.isArray() && codes.size() > 1) {
      int mask = Expressions.mask(scope, f, codes);
      java.util.function.IntUnaryOperator bits = Expressions.codes(scope, f);
      long c = 0;
      for (int i : rowsIn) {
        if ((bits.applyAsInt(i) & mask) != 0) {
          c++;
        }
      }
      return c;
    }
    long[] h =
        cache.histograms.computeIfAbsent(
            key + "#" + f.ref(),
            k -> {
              long[] hist = new long[size + 1];
              // the code column itself, read through the link when the field is on another
              // sheet: a plain scan of a code field's byte array rather than a lambda call per
              // row (a multi-code field's bitsets are char or int arrays, read through ticks)
              int[] link = f.link();
              if (multi) {
                IntUnaryOperator a = data.sheet(f.sheet()).ticks(f.id());
                for (int i : rowsIn) {
                  int j = link == null ? i : link[i];
                  int x = j < 0 ? 0 : a.applyAsInt(j);
                  if (x == 0) {
                    hist[size]++;
                  }
                  while (x != 0) {
                    hist[Integer.numberOfTrailingZeros(x)]++;
                    x &= x - 1;
                  }
                }
              } else {
                byte[] a = data.sheet(f.sheet()).codes(f.id());
                for (int i : rowsIn) {
                  int j = link == null ? i : link[i];
                  int x = j < 0 ? SheetColumns.MISSING_CODE : a[j];
                  hist[x < 0 ? size : x]++;
                }
              }
              return hist;
            });
    if (codes == null) {
      return h[size];
    }
    long c = 0;
    int mask = Expressions.mask(scope, f, codes);
    for (int b = 0; b < size; b++) {
      if ((mask & (1 << b)) != 0) {
        c += h[b];
      }
    }
    return c;
  }

  /**
   * A headline figure: {@code count}, {@code services}, {@code per_100}, {@code pct}, {@code
   * out_of_10}.
   */
  private static void figure(
      JsonNode row,
      String figure,
      int k,
      String prefix,
      long c,
      long d,
      int services,
      Map<String, Object> out) {
    int years = row.path("years").asInt(1);
    int first = row.path("first_year").asInt(0);
    boolean printed = k >= first && k < years;
    switch (figure) {
      case "count" -> {
        if (printed) {
          out.put(prefix + ".count", c);
        }
      }
      case "services" -> {
        if (printed) {
          out.put(prefix + ".count", (long) services);
        }
      }
      case "per_100" -> putIfNotNull(out, prefix + ".per_100", Percent.of(c, d));
      case "pct" -> putIfNotNull(out, prefix + ".pct", Percent.of(c, d));
      case "out_of_10" -> {
        if (d > 0) {
          out.put(prefix + ".value", ((20 * c + d) / (2 * d)) + " out of 10");
        }
      }
      default ->
          throw new IllegalArgumentException(
              "figure \""
                  + figure
                  + "\": use count, services, per_100, pct, out_of_10, text or value");
    }
  }

  private static void putIfNotNull(Map<String, Object> out, String key, Object v) {
    if (v != null) {
      out.put(key, v);
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
    if (row.has("figure") && !row.has("where") && Expressions.codesOf(row) == null) {
      return Expressions.ALL;
    }
    List<IntPredicate> parts = new ArrayList<>();
    boolean rowSelects = part(scope, row, rowField, t, parts);
    boolean colSelects = part(scope, col, colField, t, parts);
    if (col.path("kind").asText("").equals("missing") && !colSelects) {
      parts.add(Expressions.blank(scope, Expressions.field(scope, requireField(colField, col))));
      colSelects = true;
    }
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

  private static IntToDoubleFunction valueOf(Scope scope, JsonNode node, String field, JsonNode t) {
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
