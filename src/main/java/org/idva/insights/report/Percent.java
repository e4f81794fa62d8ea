package org.idva.insights.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding as the report prints: half up, from the unrounded figures. */
public final class Percent {
  private Percent() {}

  /** {@code 100 * count / base} rounded half up to a whole percent; null when the base is 0. */
  public static Integer of(long count, long base) {
    if (base <= 0) {
      return null;
    }
    return (int) ((200 * count + base) / (2 * base));
  }

  /** A value rounded half up to {@code decimals} places. */
  public static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }
}
