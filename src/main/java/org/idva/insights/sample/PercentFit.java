package org.idva.insights.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts for a population of n whose percentages, rounded half up, are the printed whole
 * percentages. A printed 0% may hide up to half a percent, so rows that miss 100 by rounding are
 * filled where each row has room, not dumped on one answer (such as Missing).
 */
final class PercentFit {
  private PercentFit() {}

  /** The smallest count of n whose percentage, rounded half up, is {@code pct} (at least 0). */
  static int lowest(double pct, int n) {
    return (int) Math.max(0, Math.ceil((pct - 0.5) * n / 100.0 - 1e-9));
  }

  /** The largest count of n whose percentage, rounded half up, is {@code pct}. */
  static int highest(double pct, int n) {
    return (int) Math.ceil((pct + 0.5) * n / 100.0 - 1e-9) - 1;
  }

  /** The counts, or null when no counts of n round to every printed percentage. */
  static Map<String, Integer> counts(Map<String, Double> percents, int n) {
    if (n <= 0 || percents.isEmpty()) {
      return null;
    }
    Map<String, Integer> lo = new LinkedHashMap<>();
    Map<String, Integer> hi = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    long low = 0;
    long high = 0;
    for (Map.Entry<String, Double> e : percents.entrySet()) {
      double p = e.getValue();
      int l = lowest(p, n);
      int h = Math.min(n, highest(p, n));
      if (h < l) {
        return null;
      }
      lo.put(e.getKey(), l);
      hi.put(e.getKey(), h);
      counts.put(e.getKey(), Math.max(l, Math.min(h, (int) Math.round(p * n / 100.0))));
      low += l;
      high += h;
    }
    if (low > n || high < n) {
      return null;
    }
    int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
    int step = sum < n ? 1 : -1;
    while (sum != n) {
      // the row furthest from its printed share in the direction of the step, with room left
      List<String> keys = new ArrayList<>();
      for (String k : counts.keySet()) {
        int next = counts.get(k) + step;
        if (next >= lo.get(k) && next <= hi.get(k)) {
          keys.add(k);
        }
      }
      keys.sort(
          Comparator.comparingDouble(k -> -step * (percents.get(k) * n / 100.0 - counts.get(k))));
      counts.merge(keys.get(0), step, Integer::sum);
      sum += step;
    }
    return counts;
  }
}
