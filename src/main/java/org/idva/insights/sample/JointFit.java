package org.idva.insights.sample;

import java.util.List;
import java.util.Random;

/**
 * Finds a whole-number table (e.g. intake level by exit level) with given row and column totals
 * that also meets a few cell-sum targets (reduced, unchanged, increased...), by local search over
 * moves that keep the totals: +1/-1 around a 2x2 rectangle.
 */
final class JointFit {
  /**
   * The cells a printed figure adds up, and the range their sum should fall in (one count for a
   * printed count; the counts that round to a printed percentage of a base), with a looser range it
   * must fall in (a percentage within one point) where the printed figures contradict each other.
   */
  record Constraint(
      boolean[][] cells,
      int min,
      int max,
      int looseMin,
      int looseMax,
      boolean[][] base,
      double pct) {
    Constraint(boolean[][] cells, int min, int max, int looseMin, int looseMax) {
      this(cells, min, max, looseMin, looseMax, null, 0);
    }

    Constraint(boolean[][] cells, int target) {
      this(cells, target, target, target, target);
    }

    /**
     * A printed percentage of a base that is itself a sum of cells (the cases whose level is known
     * at exit, say): the range follows the base as the table moves.
     */
    static Constraint share(boolean[][] cells, boolean[][] base, double pct) {
      return new Constraint(cells, 0, 0, 0, 0, base, pct);
    }

    /** The counts of a base that round (half up) to the percentage, or to one point either side. */
    static Constraint percent(boolean[][] cells, double pct, int base) {
      int lo = lower(pct - 0.5, base);
      int looseLo = lower(pct - 1.5, base);
      return new Constraint(
          cells,
          lo,
          Math.max(lo, upper(pct + 0.5, base)),
          looseLo,
          Math.max(looseLo, upper(pct + 1.5, base)));
    }

    private static int lower(double pct, int base) {
      return Math.max(0, (int) Math.ceil(pct * base / 100.0 - 1e-9));
    }

    private static int upper(double pct, int base) {
      return (int) Math.ceil(pct * base / 100.0 - 1e-9) - 1;
    }

    int miss(int sum) {
      return LOOSE_WEIGHT * outside(sum, looseMin, looseMax) + outside(sum, min, max);
    }

    private static int outside(int sum, int lo, int hi) {
      return sum < lo ? lo - sum : sum > hi ? sum - hi : 0;
    }
  }

  private static final int LOOSE_WEIGHT = 1000;

  private JointFit() {}

  static int[][] fit(int[] rows, int[] cols, List<Constraint> constraints, Random random) {
    int nr = rows.length;
    int nc = cols.length;
    int[][] m = new int[nr][nc];
    int[] r = rows.clone();
    int[] c = cols.clone();
    for (int i = 0, j = 0; i < nr && j < nc; ) {
      int v = Math.min(r[i], c[j]);
      m[i][j] += v;
      r[i] -= v;
      c[j] -= v;
      if (r[i] == 0) {
        i++;
      } else {
        j++;
      }
    }
    int penalty = penalty(m, constraints);
    for (int it = 0; it < 400_000 && penalty > 0; it++) {
      int i1 = random.nextInt(nr);
      int i2 = random.nextInt(nr);
      int j1 = random.nextInt(nc);
      int j2 = random.nextInt(nc);
      if (i1 == i2 || j1 == j2) {
        continue;
      }
      int d = random.nextBoolean() ? 1 : -1;
      if (m[i1][j2] - d < 0 || m[i2][j1] - d < 0 || m[i1][j1] + d < 0 || m[i2][j2] + d < 0) {
        continue;
      }
      move(m, i1, i2, j1, j2, d);
      int p = penalty(m, constraints);
      if (p <= penalty) {
        penalty = p;
      } else {
        move(m, i1, i2, j1, j2, -d);
      }
    }
    return m;
  }

  private static void move(int[][] m, int i1, int i2, int j1, int j2, int d) {
    m[i1][j1] += d;
    m[i2][j2] += d;
    m[i1][j2] -= d;
    m[i2][j1] -= d;
  }

  private static int sum(int[][] m, boolean[][] cells) {
    int sum = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        if (cells[i][j]) {
          sum += m[i][j];
        }
      }
    }
    return sum;
  }

  static int penalty(int[][] m, List<Constraint> constraints) {
    int p = 0;
    for (Constraint k : constraints) {
      int sum = sum(m, k.cells());
      p +=
          k.base() == null
              ? k.miss(sum)
              : Constraint.percent(k.cells(), k.pct(), sum(m, k.base())).miss(sum);
    }
    return p;
  }
}
