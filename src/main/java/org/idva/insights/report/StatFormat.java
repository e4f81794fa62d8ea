package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a stat row prints its value: {@code decimals} places (default 0, a whole number), and {@code
 * format}: {@code number} (default), {@code unit} ("15 weeks", "97.5 days": the number and the
 * row's {@code unit}) or {@code years_months} ("2 years 2 months" from a value in months).
 */
final class StatFormat {
  private StatFormat() {}

  static Object format(double value, JsonNode row) {
    int decimals = row.path("decimals").asInt(0);
    String format = row.path("format").asText("number");
    switch (format) {
      case "number":
        return number(value, decimals);
      case "unit":
        {
          Object n = number(value, decimals);
          double d = ((Number) n).doubleValue();
          String text = d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
          return text + " " + row.path("unit").asText();
        }
      case "years_months":
        return yearsMonths(Math.round(Percent.round(value, 0)));
      default:
        throw new IllegalArgumentException(
            "format \"" + format + "\": use number, unit or years_months");
    }
  }

  private static Object number(double value, int decimals) {
    double r = Percent.round(value, decimals);
    return decimals == 0 ? (Object) Long.valueOf((long) r) : (Object) Double.valueOf(r);
  }

  /** "3 years", "2 years 2 months", "1 year 1 month", "5 months". */
  static String yearsMonths(long months) {
    long y = months / 12;
    long m = months % 12;
    StringBuilder s = new StringBuilder();
    if (y > 0) {
      s.append(y).append(y == 1 ? " year" : " years");
    }
    if (m > 0 || y == 0) {
      s.append(s.length() > 0 ? " " : "").append(m).append(m == 1 ? " month" : " months");
    }
    return s.toString();
  }
}
