package org.idva.insights.sample;

import java.util.List;
import java.util.Random;

/**
 * Finds a whole-number table (e.g. intake level by exit level) with given row and column totals
 * that also meets a few cell-sum targets (reduced, unchanged, increased...), by local search over
 * moves that keep the totals: +1/-1 around a 2x2 rectangle.
 */
final class JointFit {
  /** The cells a printed figure adds up, and the figure. */
  record Constraint(boolean[][] cells, int target) {}

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

  static int penalty(int[][] m, List<Constraint> constraints) {
    int p = 0;
    for (Constraint k : constraints) {
      int sum = 0;
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m[i].length; j++) {
          if (k.cells()[i][j]) {
            sum += m[i][j];
          }
        }
      }
      p += Math.abs(sum - k.target());
    }
    return p;
  }
}
