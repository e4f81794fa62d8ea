package org.idva.insights.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Seeded randomized checks of {@link PercentFit} against percentages printed from real counts. */
class PercentFitTest {

  private static long shown(int count, int n) {
    return (long) Math.floor(100.0 * count / n + 0.5);
  }

  @RepeatedTest(50)
  void countsRoundToEveryPrintedPercentAndAddUpToN(RepetitionInfo info) {
    long seed = 15485863L * info.getCurrentRepetition();
    Random random = new Random(seed);
    int n = 20 + random.nextInt(3000);
    int rows = 2 + random.nextInt(12);
    int[] truth = new int[rows];
    for (int i = 0; i < n; i++) {
      // skewed, so some rows print 0% or 1%
      truth[(int) Math.floor(rows * Math.pow(random.nextDouble(), 2.5))]++;
    }
    Map<String, Double> printed = new LinkedHashMap<>();
    for (int i = 0; i < rows; i++) {
      printed.put("r" + i, (double) shown(truth[i], n));
    }

    Map<String, Integer> counts = PercentFit.counts(printed, n);

    assertThat(counts).as("seed %d", seed).isNotNull();
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
    counts.forEach(
        (k, c) ->
            assertThat(shown(c, n))
                .as("seed %d row %s", seed, k)
                .isEqualTo(printed.get(k).longValue()));
  }

  @Test
  void printedPercentagesNoCountsCanGiveAreRefused() {
    assertThat(PercentFit.counts(Map.of("a", 60.0, "b", 60.0), 100)).isNull();
    assertThat(PercentFit.counts(Map.of("a", 10.0, "b", 10.0), 100)).isNull();
  }

  @Test
  void aShortfallGoesToTheRowsThatCanHoldItNotToOneRow() {
    // 89 + 3 + 2 + 2 + 2 = 98: the missing 2% is rounding spread over the rows, Missing stays 2%
    Map<String, Double> printed = new LinkedHashMap<>();
    printed.put("het", 89.0);
    printed.put("nd", 3.0);
    printed.put("dk", 2.0);
    printed.put("bi", 2.0);
    printed.put("", 2.0);
    Map<String, Integer> counts = PercentFit.counts(printed, 2873);
    assertThat(shown(counts.get(""), 2873)).isEqualTo(2);
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2873);
  }
}
