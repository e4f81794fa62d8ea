package org.idva.insights.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Moves whole numbers within the room each one has (its band, its dates) so that their mean or
 * median comes out at a printed figure. Nothing leaves its room, so every band count stays exact;
 * when the figure cannot be reached inside the rooms, nothing is changed.
 */
final class StatFit {
  private StatFit() {}

  /** One number that may move between {@code lo} and {@code hi} (inclusive). */
  interface Slot {
    int value();

    int lo();

    int hi();

    void set(int value);
  }

  /**
   * Makes the mean of the slots equal to {@code target} (to within rounding of the total), one step
   * at a time on randomly chosen slots that still have room. Returns false, changing nothing, when
   * the rooms cannot hold the total.
   */
  static boolean fitMean(List<? extends Slot> slots, double target, Random random) {
    if (slots.isEmpty()) {
      return false;
    }
    long want = Math.round(target * slots.size());
    long low = 0;
    long high = 0;
    long sum = 0;
    for (Slot s : slots) {
      low += s.lo();
      high += s.hi();
      sum += s.value();
    }
    if (want < low || want > high) {
      return false;
    }
    int[] values = new int[slots.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = slots.get(i).value();
    }
    int step = want > sum ? 1 : -1;
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      open.add(i);
    }
    while (sum != want) {
      int pick = random.nextInt(open.size());
      int i = open.get(pick);
      Slot s = slots.get(i);
      int next = values[i] + step;
      if (next < s.lo() || next > s.hi()) {
        open.set(pick, open.get(open.size() - 1));
        open.remove(open.size() - 1);
        continue;
      }
      values[i] = next;
      sum += step;
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != slots.get(i).value()) {
        slots.get(i).set(values[i]);
      }
    }
    return true;
  }

  /**
   * Makes the median of the slots equal to {@code target} (a whole number, or a half when the count
   * is even and the two middle values differ by one). The slots are ranked by value; the middle one
   * (or two) is set to the target and any slot on the wrong side of it is moved to the nearest
   * value its room allows. Returns false, changing nothing, when that does not give the target.
   */
  static boolean fitMedian(List<? extends Slot> slots, double target, Random random) {
    int n = slots.size();
    if (n == 0) {
      return false;
    }
    int lowMid = (int) Math.floor(target);
    int highMid = (int) Math.ceil(target);
    if (n % 2 == 1 && lowMid != highMid) {
      return false;
    }
    if (lowMid == highMid) {
      return fitWholeMedian(slots, lowMid);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    order.sort(Comparator.comparingInt(i -> slots.get(i).value()));
    int[] values = new int[n];
    int lowerCount = (n - 1) / 2; // slots ranked below the middle
    int midHigh = n / 2; // rank of the upper middle (same as lower for odd n)
    bringNear(order, slots, lowerCount, lowMid, 0);
    if (midHigh != lowerCount) {
      bringNear(order, slots, midHigh, highMid, midHigh);
    }
    for (int rank = 0; rank < n; rank++) {
      Slot s = slots.get(order.get(rank));
      int v = s.value();
      if (rank < lowerCount) {
        v = Math.min(v, lowMid);
      } else if (rank > midHigh) {
        v = Math.max(v, highMid);
      } else if (rank == lowerCount) {
        v = lowMid;
      } else {
        v = highMid;
      }
      values[order.get(rank)] = Math.max(s.lo(), Math.min(s.hi(), v));
    }
    if (median(values) != target) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (values[i] != slots.get(i).value()) {
        slots.get(i).set(values[i]);
      }
    }
    return true;
  }

  /**
   * A whole-number median {@code t}: at most {@code (n - 1) / 2} values may lie on either side of
   * it. The values on a side with too many move to {@code t}, nearest first, among those whose room
   * holds it; values already on the right side stay. Changes nothing when the rooms do not allow
   * it.
   */
  private static boolean fitWholeMedian(List<? extends Slot> slots, int t) {
    int n = slots.size();
    int allowed = (n - 1) / 2;
    List<Integer> below = new ArrayList<>();
    List<Integer> above = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int v = slots.get(i).value();
      if (v < t) {
        below.add(i);
      } else if (v > t) {
        above.add(i);
      }
    }
    List<Integer> move = new ArrayList<>();
    if (!pick(
            slots,
            below,
            below.size() - allowed,
            t,
            Comparator.comparingInt(i -> -slots.get(i).value()),
            move)
        || !pick(
            slots,
            above,
            above.size() - allowed,
            t,
            Comparator.comparingInt(i -> slots.get(i).value()),
            move)) {
      return false;
    }
    move.forEach(i -> slots.get(i).set(t));
    return true;
  }

  /** Adds to {@code move} the {@code k} nearest of {@code side} whose room holds {@code t}. */
  private static boolean pick(
      List<? extends Slot> slots,
      List<Integer> side,
      int k,
      int t,
      Comparator<Integer> nearestFirst,
      List<Integer> move) {
    if (k <= 0) {
      return true;
    }
    List<Integer> can = new ArrayList<>();
    for (int i : side) {
      if (slots.get(i).lo() <= t && t <= slots.get(i).hi()) {
        can.add(i);
      }
    }
    if (can.size() < k) {
      return false;
    }
    can.sort(nearestFirst);
    move.addAll(can.subList(0, k));
    return true;
  }

  /** Puts at {@code rank} the nearest-ranked slot whose room holds {@code value}. */
  private static void bringNear(
      List<Integer> order, List<? extends Slot> slots, int rank, int value, int minRank) {
    for (int d = 0; d < order.size(); d++) {
      for (int r : new int[] {rank + d, rank - d}) {
        if (r >= minRank && r < order.size()) {
          Slot s = slots.get(order.get(r));
          if (s.lo() <= value && value <= s.hi()) {
            java.util.Collections.swap(order, r, rank);
            return;
          }
        }
      }
    }
  }

  static double median(int[] values) {
    int[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
