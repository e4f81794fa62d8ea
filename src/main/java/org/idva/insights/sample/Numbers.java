package org.idva.insights.sample;

import java.util.Map;
import java.util.Random;

/**
 * Turns a numeric band ({@code band:min:max}) into a whole number. Open bands get a plausible upper
 * limit per question, and some questions lean to the low end of a band so that the report's
 * averages and medians come out close to the seed's.
 */
final class Numbers {
  /** Upper limit of the open top band, per field id. */
  private static final Map<String, Integer> OPEN_MAX =
      Map.of(
          "client_age", 75,
          "children_involved", 6,
          "abuse_length_months", 200,
          "dash_ticks", 18,
          "number_of_contacts", 80);

  /** Skew towards the band's low end (1 = uniform, higher = lower values), per field id. */
  private static final Map<String, Double> SKEW = Map.of("abuse_length_months", 3.0);

  Long inBand(org.idva.insights.schema.Field field, String band, Random random) {
    int min = Target.bandMin(band);
    int max = Target.bandMax(band);
    // An open lower band ("<18") starts at the question's own minimum (16 for age), never below.
    if (field.min() != null) {
      min = Math.max(min, field.min().intValue());
    }
    if (max < 0) {
      max = Math.max(min, OPEN_MAX.getOrDefault(field.id(), min + 10));
    }
    if (field.max() != null) {
      max = Math.min(max, field.max().intValue());
    }
    return value(field.id(), min, max, random);
  }

  private static Long value(String field, int min, int max, Random random) {
    double u = Math.pow(random.nextDouble(), SKEW.getOrDefault(field, 1.0));
    return (long) (min + Math.min(max - min, (int) Math.floor(u * (max - min + 1))));
  }
}
