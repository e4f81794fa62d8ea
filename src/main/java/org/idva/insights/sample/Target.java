package org.idva.insights.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one question's answers must add up to in one year: a weight per answer (an exact count for
 * the calibrated year, a percentage for the years before it) and the weight of blank answers.
 * Answer keys are codes, or {@code band:min:max} for numbers (max -1 = open).
 */
final class Target {
  static final String MISSING = "";

  final String field;
  final boolean multi;
  final boolean exact;
  final Map<String, Double> weights = new LinkedHashMap<>();
  Double missing;
  Integer n;
  boolean percentOfAnswered;
  final List<String> sources = new ArrayList<>();

  Target(String field, boolean multi, boolean exact) {
    this.field = field;
    this.multi = multi;
    this.exact = exact;
  }

  void put(String key, double weight) {
    weights.put(key, weight);
  }

  static String band(Integer min, Integer max) {
    return "band:" + (min == null ? 0 : min) + ":" + (max == null ? -1 : max);
  }

  static boolean isBand(String key) {
    return key.startsWith("band:");
  }

  static int bandMin(String key) {
    return Integer.parseInt(key.split(":")[1]);
  }

  static int bandMax(String key) {
    return Integer.parseInt(key.split(":")[2]);
  }

  static boolean inBand(String key, long value) {
    int max = bandMax(key);
    return value >= bandMin(key) && (max < 0 || value <= max);
  }

  @Override
  public String toString() {
    return field + (exact ? " exact " : " pct ") + weights + " missing=" + missing + " n=" + n;
  }
}
