package org.idva.insights.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized checks of {@link StatFit}: rooms are kept, figures reached or nothing moved.
 */
class StatFitTest {

  static final class Box implements StatFit.Slot {
    int value;
    final int lo;
    final int hi;

    Box(int value, int lo, int hi) {
      this.value = value;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    public int value() {
      return value;
    }

    @Override
    public int lo() {
      return lo;
    }

    @Override
    public int hi() {
      return hi;
    }

    @Override
    public void set(int v) {
      value = v;
    }
  }

  /** Boxes in bands 1-5, 6-9 and 10-24 (like Dash ticks), some fixed where they are. */
  private static List<Box> boxes(Random random, int n) {
    int[][] bands = {{1, 5}, {6, 9}, {10, 24}};
    List<Box> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] b = bands[random.nextInt(bands.length)];
      int v = b[0] + random.nextInt(b[1] - b[0] + 1);
      out.add(random.nextInt(4) == 0 ? new Box(v, v, v) : new Box(v, b[0], b[1]));
    }
    return out;
  }

  @RepeatedTest(20)
  void aReachableMeanIsReachedWithEveryValueInsideItsRoom(RepetitionInfo info) {
    long seed = 7919L * info.getCurrentRepetition();
    Random random = new Random(seed);
    List<Box> boxes = boxes(random, 50 + random.nextInt(500));
    double low = boxes.stream().mapToInt(b -> b.lo).average().orElseThrow();
    double high = boxes.stream().mapToInt(b -> b.hi).average().orElseThrow();
    double target = Math.round((low + random.nextDouble() * (high - low)) * 10) / 10.0;

    assertThat(StatFit.fitMean(boxes, target, random)).as("seed %d", seed).isTrue();

    double mean = boxes.stream().mapToInt(b -> b.value).average().orElseThrow();
    assertThat(mean)
        .as("seed %d", seed)
        .isCloseTo(target, org.assertj.core.data.Offset.offset(0.5 / boxes.size() + 1e-9));
    assertThat(boxes).allSatisfy(b -> assertThat(b.value).isBetween(b.lo, b.hi));
  }

  @Test
  void anUnreachableMeanChangesNothing() {
    List<Box> boxes = List.of(new Box(3, 1, 5), new Box(7, 6, 9), new Box(12, 10, 24));
    assertThat(StatFit.fitMean(boxes, 0.5, new Random(1))).isFalse();
    assertThat(boxes).extracting(b -> b.value).containsExactly(3, 7, 12);
  }

  @RepeatedTest(20)
  void aReachableMedianIsReachedWithEveryValueInsideItsRoom(RepetitionInfo info) {
    long seed = 104729L * info.getCurrentRepetition();
    Random random = new Random(seed);
    List<Box> boxes = new ArrayList<>();
    int n = 20 + random.nextInt(400);
    for (int i = 0; i < n; i++) {
      // every room reaches from below 60 to above 80, so any target in 60-79 is reachable
      int lo = random.nextInt(60);
      int hi = 80 + random.nextInt(40);
      boxes.add(new Box(lo + random.nextInt(hi - lo + 1), lo, hi));
    }
    int target = 60 + random.nextInt(20);
    double wanted = n % 2 == 0 && random.nextBoolean() ? target + 0.5 : target;

    assertThat(StatFit.fitMedian(boxes, wanted, random)).as("seed %d", seed).isTrue();

    assertThat(StatFit.median(boxes.stream().mapToInt(b -> b.value).toArray()))
        .as("seed %d", seed)
        .isEqualTo(wanted);
    assertThat(boxes).allSatisfy(b -> assertThat(b.value).isBetween(b.lo, b.hi));
  }

  @Test
  void aHalfMedianOfAnOddCountOrOutsideEveryRoomChangesNothing() {
    List<Box> odd = List.of(new Box(1, 0, 9), new Box(5, 0, 9), new Box(8, 0, 9));
    assertThat(StatFit.fitMedian(odd, 4.5, new Random(1))).isFalse();
    assertThat(odd).extracting(b -> b.value).containsExactly(1, 5, 8);

    List<Box> narrow = List.of(new Box(1, 0, 2), new Box(2, 0, 2), new Box(2, 2, 2));
    assertThat(StatFit.fitMedian(narrow, 7, new Random(1))).isFalse();
    assertThat(narrow).extracting(b -> b.value).containsExactly(1, 2, 2);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(StatFit.median(new int[] {9, 1, 4, 6})).isEqualTo(5.0);
    assertThat(StatFit.median(new int[] {9, 1, 4})).isEqualTo(4.0);
  }
}
