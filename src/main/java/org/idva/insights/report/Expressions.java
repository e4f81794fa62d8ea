package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;

/**
 * Compiles the definition language's predicates and values (docs/schema-format.md, "Report table
 * definitions") into lambdas over the row index of a base sheet. Fields on other sheets are read
 * through the sheets' links, so an exit row can test its intake's answers.
 */
final class Expressions {
  private Expressions() {}

  static final IntPredicate ALL = i -> true;

  /** A field as seen from the base sheet: its sheet, id, definition and the link to it. */
  record FieldRef(String ref, String sheet, String id, Field field, int[] link) {
    int row(int i) {
      return link == null ? i : link[i];
    }
  }

  static FieldRef field(Scope scope, String rawRef) {
    String ref = scope.resolve(rawRef);
    int dot = ref.lastIndexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException("field \"" + ref + "\" is not form.field");
    }
    String sheet = ref.substring(0, dot);
    String id = ref.substring(dot + 1);
    SheetColumns cols = scope.data().sheet(sheet);
    Field f = cols.field(id);
    int[] link = sheet.equals(scope.sheet()) ? null : scope.data().link(scope.sheet(), sheet);
    return new FieldRef(ref, sheet, id, f, link);
  }

  /**
   * True when the field's sheet holds several rows for some row of the scope's sheet (a repeating
   * group below it), so a one-to-one link would see only one of them.
   */
  static boolean manyPerRow(Scope scope, FieldRef f) {
    if (f.link() == null) {
      return false;
    }
    return scope.data().manyPerRow(scope.sheet(), f.sheet());
  }

  /** Code index (code fields) or tick bitset (multi-code fields); -1 / 0 when blank. */
  static IntUnaryOperator codes(Scope scope, FieldRef f) {
    SheetColumns s = scope.data().sheet(f.sheet());
    int[] link = f.link();
    if (f.field().type() == FieldType.MULTI_CODE) {
      IntUnaryOperator a = s.ticks(f.id());
      if (link == null) {
        return a;
      }
      return i -> {
        int j = link[i];
        return j < 0 ? 0 : a.applyAsInt(j);
      };
    }
    byte[] a = s.codes(f.id());
    if (link == null) {
      return i -> a[i];
    }
    return i -> {
      int j = link[i];
      return j < 0 ? SheetColumns.MISSING_CODE : a[j];
    };
  }

  /** A number (dates as epoch days); NaN when blank or not linked. */
  static IntToDoubleFunction number(Scope scope, FieldRef f) {
    SheetColumns s = scope.data().sheet(f.sheet());
    int[] link = f.link();
    FieldType t = f.field().type();
    if (t == FieldType.DATE) {
      int[] d = s.dates(f.id());
      return i -> {
        int j = link == null ? i : link[i];
        return j < 0 || d[j] == SheetColumns.MISSING_DATE ? Double.NaN : d[j];
      };
    }
    if (t.isNumeric()) {
      IntToDoubleFunction d = s.numbers(f.id());
      return link == null
          ? d
          : i -> {
            int j = link[i];
            return j < 0 ? Double.NaN : d.applyAsDouble(j);
          };
    }
    if (t == FieldType.MULTI_CODE) {
      IntUnaryOperator bits = codes(scope, f);
      return i -> {
        int b = bits.applyAsInt(i);
        return b == 0 ? Double.NaN : Integer.bitCount(b);
      };
    }
    throw new IllegalArgumentException(f.ref() + " is " + t.key() + ", not a number or date");
  }

  /** The bitmask of the named codes in a field's code list. */
  static int mask(Scope scope, FieldRef f, JsonNode codes) {
    SheetColumns s = scope.data().sheet(f.sheet());
    int m = 0;
    for (JsonNode c : codes.isArray() ? codes : List.of(codes)) {
      int idx = s.codeIndex(f.id(), c.asText());
      if (idx < 0) {
        throw new IllegalArgumentException(
            "code \"" + c.asText() + "\" is not in the code list of " + f.ref());
      }
      m |= 1 << idx;
    }
    return m;
  }

  static JsonNode codesOf(JsonNode node) {
    if (node.has("code")) {
      return node.get("code");
    }
    if (node.has("codes")) {
      return node.get("codes");
    }
    return node.get("in");
  }

  /**
   * A predicate. Forms: {@code {field, code|codes|in}}, {@code {field, missing: true}}, {@code
   * {field, answered: true}}, {@code {field, min, max}}, {@code {field, ticks_min, ticks_max}},
   * {@code {all: [..]}}, {@code {any: [..]}}, {@code {not: p}}, {@code {at_least: n, of: [..]}},
   * {@code {has: sheet}}, {@code {compare: [v, v], op}}; a list means all of them.
   */
  static IntPredicate predicate(Scope scope, JsonNode p) {
    if (p == null || p.isNull()) {
      return ALL;
    }
    if (p.isArray()) {
      List<IntPredicate> parts = new ArrayList<>();
      p.forEach(x -> parts.add(predicate(scope, x)));
      return and(parts);
    }
    if (p.has("all")) {
      return predicate(scope, p.get("all"));
    }
    if (p.has("any")) {
      List<IntPredicate> parts = new ArrayList<>();
      p.get("any").forEach(x -> addUnlessDropped(parts, scope, x));
      IntPredicate[] a = parts.toArray(new IntPredicate[0]);
      return i -> {
        for (IntPredicate x : a) {
          if (x.test(i)) {
            return true;
          }
        }
        return false;
      };
    }
    if (p.has("not")) {
      return predicate(scope, p.get("not")).negate();
    }
    if (p.has("at_least")) {
      int n = p.get("at_least").asInt();
      List<IntPredicate> parts = new ArrayList<>();
      p.get("of").forEach(x -> addUnlessDropped(parts, scope, x));
      IntPredicate[] a = parts.toArray(new IntPredicate[0]);
      return i -> {
        int k = 0;
        for (IntPredicate x : a) {
          if (x.test(i) && ++k >= n) {
            return true;
          }
        }
        return false;
      };
    }
    if (p.has("has")) {
      String sheet = p.get("has").asText();
      if (!p.has("where")) {
        int[] count = scope.data().count(scope.sheet(), sheet);
        return i -> count[i] > 0;
      }
      Scope inner = new Scope(scope.data(), sheet, scope.vars());
      IntPredicate where = predicate(inner, p.get("where"));
      int[] up = scope.data().link(sheet, scope.sheet());
      java.util.BitSet hit = new java.util.BitSet();
      for (int j = 0; j < up.length; j++) {
        if (up[j] >= 0 && where.test(j)) {
          hit.set(up[j]);
        }
      }
      return hit::get;
    }
    if (p.has("compare")) {
      IntToDoubleFunction a = value(scope, p.get("compare").get(0));
      IntToDoubleFunction b = value(scope, p.get("compare").get(1));
      String op = p.path("op").asText("lt");
      return i -> {
        double x = a.applyAsDouble(i);
        double y = b.applyAsDouble(i);
        if (Double.isNaN(x) || Double.isNaN(y)) {
          return false;
        }
        return switch (op) {
          case "lt" -> x < y;
          case "le" -> x <= y;
          case "eq" -> x == y;
          case "ne" -> x != y;
          case "ge" -> x >= y;
          case "gt" -> x > y;
          default -> throw new IllegalArgumentException("unknown compare op " + op);
        };
      };
    }
    if (p.has("field")) {
      if (dropped(scope, p)) {
        return ALL;
      }
      return fieldPredicate(scope, field(scope, p.get("field").asText()), p);
    }
    if (p.has("value")) {
      IntToDoubleFunction v = value(scope, p.get("value"));
      return range(v, p);
    }
    throw new IllegalArgumentException("not a predicate: " + p);
  }

  static IntPredicate fieldPredicate(Scope scope, FieldRef f, JsonNode p) {
    List<IntPredicate> parts = new ArrayList<>();
    FieldType t = f.field().type();
    JsonNode codes = codesOf(p);
    if (codes != null && manyPerRow(scope, f)) {
      // a repeating group below the base's rows (incidents of a police report): the row
      // qualifies when any of its group rows has one of the codes
      int m = mask(scope, f, codes);
      // the group sheet's own column, row by row (not through a link)
      IntUnaryOperator a = codes(scope, new FieldRef(f.ref(), f.sheet(), f.id(), f.field(), null));
      int[] up = scope.data().link(f.sheet(), scope.sheet());
      java.util.BitSet hit = new java.util.BitSet();
      for (int j = 0; j < up.length; j++) {
        int x = a.applyAsInt(j);
        boolean match = t == FieldType.MULTI_CODE ? (x & m) != 0 : x >= 0 && ((1 << x) & m) != 0;
        if (up[j] >= 0 && match) {
          hit.set(up[j]);
        }
      }
      parts.add(hit::get);
    } else if (codes != null) {
      int m = mask(scope, f, codes);
      IntUnaryOperator c = codes(scope, f);
      parts.add(
          t == FieldType.MULTI_CODE
              ? i -> (c.applyAsInt(i) & m) != 0
              : i -> {
                int v = c.applyAsInt(i);
                return v >= 0 && ((1 << v) & m) != 0;
              });
    }
    if (p.path("missing").asBoolean(false)) {
      parts.add(blank(scope, f));
    }
    if (p.path("answered").asBoolean(false)) {
      parts.add(blank(scope, f).negate());
    }
    if (p.has("ticks_min") || p.has("ticks_max")) {
      IntUnaryOperator c = codes(scope, f);
      int min = p.path("ticks_min").asInt(0);
      int max = p.path("ticks_max").asInt(Integer.MAX_VALUE);
      int m = p.has("among") ? mask(scope, f, p.get("among")) : -1;
      parts.add(
          i -> {
            int k = Integer.bitCount(c.applyAsInt(i) & m);
            return k >= min && k <= max;
          });
    }
    if (p.has("min") || p.has("max")) {
      parts.add(range(number(scope, f), p));
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(
          "a field predicate on "
              + f.ref()
              + " needs code/codes/in, missing, answered, ticks_min/ticks_max or min/max: "
              + p);
    }
    return and(parts);
  }

  static IntPredicate blank(Scope scope, FieldRef f) {
    FieldType t = f.field().type();
    if (t.isCoded()) {
      IntUnaryOperator c = codes(scope, f);
      return t == FieldType.MULTI_CODE ? i -> c.applyAsInt(i) == 0 : i -> c.applyAsInt(i) < 0;
    }
    if (t == FieldType.IDENTIFIER || t == FieldType.TEXT) {
      int[] s = scope.data().sheet(f.sheet()).identifiers(f.id());
      return i -> {
        int j = f.row(i);
        return j < 0 || s[j] == SheetColumns.MISSING_ID;
      };
    }
    IntToDoubleFunction v = number(scope, f);
    return i -> Double.isNaN(v.applyAsDouble(i));
  }

  static IntPredicate range(IntToDoubleFunction v, JsonNode p) {
    double min = p.has("min") ? p.get("min").asDouble() : Double.NEGATIVE_INFINITY;
    double max = p.has("max") ? p.get("max").asDouble() : Double.POSITIVE_INFINITY;
    return i -> {
      double x = v.applyAsDouble(i);
      return x >= min && x <= max;
    };
  }

  static IntPredicate and(List<IntPredicate> all) {
    List<IntPredicate> parts = all.stream().filter(p -> p != ALL).toList();
    if (parts.isEmpty()) {
      return ALL;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    if (parts.size() == 2) {
      IntPredicate a = parts.get(0);
      IntPredicate b = parts.get(1);
      return i -> a.test(i) && b.test(i);
    }
    IntPredicate[] a = parts.toArray(new IntPredicate[0]);
    return i -> {
      for (IntPredicate x : a) {
        if (!x.test(i)) {
          return false;
        }
      }
      return true;
    };
  }

  /**
   * A value (NaN when it cannot be computed). Forms: {@code "form.field"} or {@code {field}} (a
   * number, a date as epoch day, a multi-code field as its number of ticks), {@code {days_between:
   * [from, to]}}, {@code {months_between: [from, to]}} (whole calendar months), {@code {rows:
   * sheet}} (linked rows), {@code {rank: field, order: [codes]}} (position in the order; NaN when
   * not in it).
   */
  /**
   * Whole calendar months from {@code from} to {@code to}, rounded down: negative when {@code to}
   * is before {@code from} (an exit dated before its intake is -1, never a case of "0 months").
   */
  static long monthsBetween(LocalDate from, LocalDate to) {
    if (!to.isBefore(from)) {
      return ChronoUnit.MONTHS.between(from, to);
    }
    long back = ChronoUnit.MONTHS.between(to, from);
    return to.plusMonths(back).equals(from) ? -back : -back - 1;
  }

  static IntToDoubleFunction value(Scope scope, JsonNode v) {
    if (v.isTextual()) {
      return number(scope, field(scope, v.asText()));
    }
    if (v.has("days_between")) {
      IntToDoubleFunction a = value(scope, v.get("days_between").get(0));
      IntToDoubleFunction b = value(scope, v.get("days_between").get(1));
      return i -> b.applyAsDouble(i) - a.applyAsDouble(i);
    }
    if (v.has("months_between")) {
      IntToDoubleFunction a = value(scope, v.get("months_between").get(0));
      IntToDoubleFunction b = value(scope, v.get("months_between").get(1));
      return i -> {
        double x = a.applyAsDouble(i);
        double y = b.applyAsDouble(i);
        if (Double.isNaN(x) || Double.isNaN(y)) {
          return Double.NaN;
        }
        return monthsBetween(LocalDate.ofEpochDay((long) x), LocalDate.ofEpochDay((long) y));
      };
    }
    if (v.has("rows")) {
      int[] count = scope.data().count(scope.sheet(), v.get("rows").asText());
      return i -> count[i];
    }
    if (v.has("rank")) {
      FieldRef f = field(scope, v.get("rank").asText());
      IntUnaryOperator c = codes(scope, f);
      SheetColumns s = scope.data().sheet(f.sheet());
      int size = f.field().codeList().codes().size();
      double[] rank = new double[size];
      java.util.Arrays.fill(rank, Double.NaN);
      int r = 0;
      for (JsonNode code : v.get("order")) {
        int idx = s.codeIndex(f.id(), code.asText());
        if (idx < 0) {
          throw new IllegalArgumentException("code " + code + " is not in " + f.ref());
        }
        rank[idx] = r++;
      }
      return i -> {
        int x = c.applyAsInt(i);
        return x < 0 ? Double.NaN : rank[x];
      };
    }
    if (v.has("field")) {
      return number(scope, field(scope, v.get("field").asText()));
    }
    throw new IllegalArgumentException("not a value: " + v);
  }

  /** An {@code "optional": true} predicate on a variable its row and group do not set. */
  private static boolean dropped(Scope scope, JsonNode p) {
    return p.has("field")
        && p.path("optional").asBoolean(false)
        && !scope.isSet(p.get("field").asText());
  }

  /**
   * A part of {@code any} or {@code at_least}: a dropped optional part is left out of the list
   * (holding always would count it as one of the n).
   */
  private static void addUnlessDropped(List<IntPredicate> parts, Scope scope, JsonNode x) {
    if (!dropped(scope, x)) {
      parts.add(predicate(scope, x));
    }
  }
}
