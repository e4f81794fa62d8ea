package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The populations tables count, as declared in the report manifest's {@code bases}: which sheet's
 * rows, in which reporting year (by a date, or by being linked to a row of another base), matched
 * to which sheet, filtered how, and made distinct by which identifier (keeping the latest row).
 */
final class Bases {
  private final CaseColumns data;
  private final Map<String, JsonNode> definitions;
  private final Map<String, int[]> cache = new ConcurrentHashMap<>();

  Bases(CaseColumns data, Map<String, JsonNode> definitions) {
    this.data = data;
    this.definitions = Map.copyOf(definitions);
  }

  JsonNode definition(String name) {
    JsonNode d = definitions.get(name);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown base \"" + name + "\"; the manifest defines " + definitions.keySet());
    }
    return d;
  }

  String sheet(String name) {
    return definition(name).get("sheet").asText();
  }

  /** The base's rows in a reporting year, ascending row indexes of its sheet. */
  int[] rows(String name, int year) {
    String key = name + "@" + year;
    int[] r = cache.get(key);
    if (r == null) {
      r = compute(name, year);
      cache.put(key, r);
    }
    return r;
  }

  private int[] compute(String name, int year) {
    JsonNode d = definition(name);
    String sheet = d.get("sheet").asText();
    Scope scope = new Scope(data, sheet, Map.of());
    int size = data.sheet(sheet).size();
    IntPredicate in = Expressions.ALL;
    if (d.has("date")) {
      int[] years = yearOf(name, scope, d.get("date"));
      in = i -> years[i] == year;
    }
    if (d.has("within")) {
      String parent = d.get("within").asText();
      String parentSheet = sheet(parent);
      BitSet members = new BitSet();
      for (int p : rows(parent, year)) {
        members.set(p);
      }
      if (parentSheet.equals(sheet)) {
        in = and(in, members::get);
      } else {
        int[] link = data.link(sheet, parentSheet);
        in = and(in, i -> link[i] >= 0 && members.get(link[i]));
      }
    }
    if (d.has("matched")) {
      int[] link = data.link(sheet, d.get("matched").asText());
      in = and(in, i -> link[i] >= 0);
    }
    if (d.has("filter")) {
      in = and(in, Expressions.predicate(scope, d.get("filter")));
    }
    int[] out = new int[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (in.test(i)) {
        out[n++] = i;
      }
    }
    out = Arrays.copyOf(out, n);
    if (d.has("distinct")) {
      out = distinct(scope, out, d.get("distinct").asText(), d.get("keep_latest"));
    }
    return out;
  }

  private final Map<String, int[]> yearOf = new ConcurrentHashMap<>();

  /** The reporting year of every row of the base's sheet, by the base's date (0 when blank). */
  private int[] yearOf(String name, Scope scope, JsonNode dateValue) {
    return yearOf.computeIfAbsent(
        name,
        k -> {
          IntToDoubleFunction date = Expressions.value(scope, dateValue);
          int[] years = new int[data.sheet(scope.sheet()).size()];
          for (int i = 0; i < years.length; i++) {
            double v = date.applyAsDouble(i);
            years[i] = Double.isNaN(v) ? 0 : ReportingYear.ofEpochDay((int) v);
          }
          return years;
        });
  }

  private int[] distinct(Scope scope, int[] rows, String idRef, JsonNode latest) {
    Expressions.FieldRef f = Expressions.field(scope, idRef);
    // numbered by service + value, so equal numbers are one client of one service
    int[] ids = data.sheet(f.sheet()).identifiers(f.id());
    IntToDoubleFunction order = latest == null ? i -> 0 : Expressions.value(scope, latest);
    Map<Integer, Integer> keep = new HashMap<>(); // id -> row kept
    int anonymous = 0;
    int[] noId = new int[rows.length];
    for (int i : rows) {
      int j = f.row(i);
      int id = j < 0 ? SheetColumns.MISSING_ID : ids[j];
      if (id == SheetColumns.MISSING_ID) {
        noId[anonymous++] = i; // a row without the identifier is its own client
        continue;
      }
      Integer prev = keep.get(id);
      if (prev == null || order.applyAsDouble(i) >= order.applyAsDouble(prev)) {
        keep.put(id, i);
      }
    }
    int[] out = new int[keep.size() + anonymous];
    int n = 0;
    for (int i : keep.values()) {
      out[n++] = i;
    }
    System.arraycopy(noId, 0, out, n, anonymous);
    Arrays.sort(out);
    return out;
  }

  private static IntPredicate and(IntPredicate a, IntPredicate b) {
    return a == Expressions.ALL ? b : i -> a.test(i) && b.test(i);
  }
}
