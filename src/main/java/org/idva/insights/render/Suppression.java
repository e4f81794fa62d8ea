package org.idva.insights.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.TableResult;

/**
 * Hides small numbers in a single service's figures: a count from 1 to {@code upTo} becomes {@value
 * #MARK}, and so does the % of the same year and group (it would give the count away), and a base n
 * from 1 to {@code upTo}.
 */
public final class Suppression {
  public static final String MARK = "c";

  private Suppression() {}

  public static TableResult apply(TableResult t, int upTo) {
    List<TableResult.Row> rows = new ArrayList<>();
    for (TableResult.Row r : t.rows()) {
      Map<String, Object> values = new LinkedHashMap<>(r.values());
      for (Map.Entry<String, Object> e : r.values().entrySet()) {
        String key = e.getKey();
        if (key.endsWith(".count") && small(e.getValue(), upTo)) {
          values.put(key, MARK);
          String pct = key.substring(0, key.length() - ".count".length()) + ".pct";
          if (values.containsKey(pct)) {
            values.put(pct, MARK);
          }
        }
      }
      rows.add(new TableResult.Row(r.label(), r.kind(), r.indent(), values));
    }
    Map<String, Long> n = new LinkedHashMap<>();
    t.n().forEach((k, v) -> n.put(k, small(v, upTo) ? -1L : v));
    return new TableResult(t.id(), t.section(), t.title(), t.population(), t.columns(), n, rows);
  }

  /** A base marked as suppressed by {@link #apply} (stored as -1 since n holds numbers). */
  static boolean suppressedBase(Long n) {
    return n != null && n == -1L;
  }

  static boolean small(Object v, int upTo) {
    return v instanceof Number num && num.doubleValue() >= 1 && num.doubleValue() <= upTo;
  }
}
