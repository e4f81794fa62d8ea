package org.idva.insights.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.idva.insights.model.TableResult;

/**
 * Disclosure control of a single service's figures (policy and reasons: docs/disclosure.md). With
 * {@code k = upTo}:
 *
 * <ol>
 *   <li>a column group whose base n is 1 to k shows {@value #MARK} for n and every cell;
 *   <li>primary: a count from 1 to k, and the % beside it, show {@value #MARK}; so does any % (any
 *       year) or per-100 figure whose possible counts, given n and the rounding, include one from 1
 *       to k and not 0;
 *   <li>secondary: the table's sums ({@link SumRelations}: n = the answers and Missing, a total =
 *       its rows, a subtotal = its breakdown) must never leave exactly one hidden cell, or it would
 *       be n minus the rest; the smallest shown member is hidden too until none does.
 * </ol>
 *
 * Rows of kind {@code services} (the number of services) are never suppressed: they count services,
 * not people.
 */
public final class Suppression {
  public static final String MARK = "c";

  private Suppression() {}

  public static TableResult apply(TableResult t, int upTo) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (TableResult.Row r : t.rows()) {
      values.add(new LinkedHashMap<>(r.values()));
    }
    Map<String, Long> n = new LinkedHashMap<>(t.n());
    // 1. small bases hide their whole group
    for (String group : groups(t)) {
      Long size = base(t.n(), group);
      if (small(size, upTo)) {
        n.put(group, -1L);
        for (int i = 0; i < values.size(); i++) {
          if (!protectedRow(t.rows().get(i))) {
            for (String key : List.copyOf(values.get(i).keySet())) {
              if (group(key).equals(group)) {
                values.get(i).put(key, MARK);
              }
            }
          }
        }
      }
    }
    // 2. primary: small counts, and any % or per-100 figure that pins a small count down
    for (int i = 0; i < values.size(); i++) {
      if (protectedRow(t.rows().get(i))) {
        continue;
      }
      Map<String, Object> v = values.get(i);
      for (Map.Entry<String, Object> e : List.copyOf(v.entrySet())) {
        String key = e.getKey();
        if (key.endsWith(".count") && small(e.getValue(), upTo)) {
          hide(v, group(key));
        } else if ((key.endsWith(".pct") || key.endsWith(".per_100"))
            && e.getValue() instanceof Number p
            && pinsSmallCount(p.intValue(), base(t.n(), group(key)), upTo)) {
          hide(v, group(key));
        }
      }
    }
    // 3. secondary: no sum may leave a single hidden cell
    for (SumRelations.Relation rel : SumRelations.of(t)) {
      if (rel.members().stream().anyMatch(m -> protectedRow(t.rows().get(m)))) {
        continue;
      }
      secondary(rel, values, n);
    }
    List<TableResult.Row> rows = new ArrayList<>();
    for (int i = 0; i < t.rows().size(); i++) {
      TableResult.Row r = t.rows().get(i);
      rows.add(new TableResult.Row(r.label(), r.kind(), r.indent(), values.get(i)));
    }
    return t.withFigures(n, rows);
  }

  private static void secondary(
      SumRelations.Relation rel, List<Map<String, Object>> values, Map<String, Long> n) {
    String key = rel.key();
    boolean totalHidden =
        rel.total() < 0
            ? suppressedBase(n.get(rel.group()))
            : MARK.equals(values.get(rel.total()).get(key));
    if (rel.total() < 0 && totalHidden) {
      return; // the whole group is hidden already
    }
    while (true) {
      int hidden = totalHidden ? 1 : 0;
      int smallest = -1;
      double smallestValue = Double.MAX_VALUE;
      for (int m : rel.members()) {
        Object v = values.get(m).get(key);
        if (MARK.equals(v)) {
          hidden++;
        } else if (v instanceof Number num && num.doubleValue() < smallestValue) {
          smallest = m;
          smallestValue = num.doubleValue();
        }
      }
      if (hidden != 1 || smallest < 0) {
        return;
      }
      hide(values.get(smallest), rel.group());
    }
  }

  /** Hides a row's count and % (and per-100 figure) of one column group. */
  private static void hide(Map<String, Object> v, String group) {
    for (String measure : List.of(".count", ".pct", ".per_100")) {
      if (v.containsKey(group + measure)) {
        v.put(group + measure, MARK);
      }
    }
  }

  /**
   * Whether a printed % of base n gives away a count from 1 to k: every count that rounds (half up)
   * to it excludes 0, and one of them is from 1 to k.
   */
  static boolean pinsSmallCount(int pct, Long n, int upTo) {
    if (n == null || n <= 0) {
      return false;
    }
    boolean zero = false;
    boolean small = false;
    for (long c : countsFor(pct, n)) {
      zero |= c == 0;
      small |= c >= 1 && c <= upTo;
    }
    return small && !zero;
  }

  /** The counts of base n that a % rounded half up comes from. */
  static List<Long> countsFor(int pct, long n) {
    List<Long> out = new ArrayList<>();
    long from = Math.max(0, (long) Math.floor((pct - 1) * n / 100.0));
    long to = Math.min(n, (long) Math.ceil((pct + 1) * n / 100.0));
    for (long c = from; c <= to; c++) {
      if ((200 * c + n) / (2 * n) == pct) {
        out.add(c);
      }
    }
    return out;
  }

  /** The column groups ({@code 2023}, {@code 2023.High}) of a table's columns. */
  static Set<String> groups(TableResult t) {
    Set<String> out = new LinkedHashSet<>();
    t.columns().forEach(k -> out.add(group(k)));
    return out;
  }

  static String group(String key) {
    int last = key.lastIndexOf('.');
    return last < 0 ? key : key.substring(0, last);
  }

  /** A group's n, or its year's n when the group has none of its own. */
  static Long base(Map<String, Long> n, String group) {
    Long size = n.get(group);
    int dot = group.indexOf('.');
    return size != null || dot < 0 ? size : n.get(group.substring(0, dot));
  }

  /** A row that counts services, not people: never suppressed. */
  static boolean protectedRow(TableResult.Row r) {
    return r.kind().equals("services");
  }

  /** A base marked as suppressed by {@link #apply} (stored as -1 since n holds numbers). */
  static boolean suppressedBase(Long n) {
    return n != null && n == -1L;
  }

  static boolean small(Object v, int upTo) {
    return v instanceof Number num && num.doubleValue() >= 1 && num.doubleValue() <= upTo;
  }
}
