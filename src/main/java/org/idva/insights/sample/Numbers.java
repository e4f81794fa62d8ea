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

  Long inBand(String field, String band, Random random) {
    int min = Target.bandMin(band);
    int max = Target.bandMax(band);
    if (max < 0) {
      max = Math.max(min, OPEN_MAX.getOrDefault(field, min + 10));
    }
    double u = Math.pow(random.nextDouble(), SKEW.getOrDefault(field, 1.0));
    return (long) (min + Math.min(max - min, (int) Math.floor(u * (max - min + 1))));
  }
}
