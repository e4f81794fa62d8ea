package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IdNumbers} numbers values exactly as a map of (service, value) to first-met order would:
 * the same value of the same service always the same number, anything else a new one.
 */
class IdNumbersTest {

  @Test
  void numbersAsAMapOfServiceAndValueInFirstMetOrder() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("IdNumbersTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    Random random = new Random(seed);
    // values that collide: "Aa" and "BB" have the same hashCode, so do strings built from them
    String[] parts = {"Aa", "BB", "C-", "00", "x/", "é", "\u4e2d", ""};
    IdNumbers numbers = new IdNumbers();
    Map<List<Object>, Integer> expected = new HashMap<>();
    for (int i = 0; i < 60_000; i++) {
      int service = random.nextInt(12);
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(random.nextInt(10) == 0 ? 40 : 7);
      for (int p = 0; p < length; p++) {
        value.append(parts[random.nextInt(parts.length)]);
      }
      if (random.nextInt(4) == 0) {
        value.append(random.nextInt(20_000));
      }
      String v = value.toString();
      int want = expected.computeIfAbsent(List.of(service, v), k -> expected.size());
      assertThat(numbers.number(service, new String(v)))
          .as("%s of service %d", v, service)
          .isEqualTo(want);
    }
    assertThat(numbers.count()).isEqualTo(expected.size()).isGreaterThan(10_000);
  }

  @Test
  void theSameValueOfAnotherServiceIsAnotherNumber() {
    IdNumbers numbers = new IdNumbers();
    assertThat(numbers.number(0, "C-1")).isZero();
    assertThat(numbers.number(1, "C-1")).isEqualTo(1);
    assertThat(numbers.number(0, "C-1")).isZero();
    assertThat(numbers.number(0, "")).isEqualTo(2);
    assertThat(numbers.count()).isEqualTo(3);
  }
}
