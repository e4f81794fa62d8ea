package org.idva.insights.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JointFitTest {
  /** 100 * count / base rounded half up, in whole numbers. */
  private static int roundHalfUp(int count, int base) {
    return (int) ((200L * count + base) / (2L * base));
  }

  @Test
  void aPercentConstraintIsExactlyTheCountsThatRoundToIt() {
    long seed = 20230331L;
    System.out.println("JointFitTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      int base = 1 + random.nextInt(2_500);
      int pct = random.nextInt(101);
      JointFit.Constraint c = JointFit.Constraint.percent(new boolean[1][1], pct, base);
      boolean any = false;
      boolean anyLoose = false;
      for (int count = 0; count <= base; count++) {
        any |= roundHalfUp(count, base) == pct;
        anyLoose |= Math.abs(roundHalfUp(count, base) - pct) <= 1;
      }
      for (int count = 0; count <= base; count++) {
        int rounded = roundHalfUp(count, base);
        if (any) {
          assertThat(count >= c.min() && count <= c.max())
              .as("%d of %d in the range of %d%%", count, base, pct)
              .isEqualTo(rounded == pct);
        }
        if (anyLoose) {
          assertThat(count >= c.looseMin() && count <= c.looseMax())
              .as("%d of %d in the loose range of %d%%", count, base, pct)
              .isEqualTo(Math.abs(rounded - pct) <= 1);
        }
      }
    }
  }

  @Test
  void theFitKeepsBothMarginalsAndMeetsFeasibleFigures() {
    int[] rows = {663, 300, 150, 480, 41, 175};
    int[] cols = {95, 48, 64, 1320, 282, 0};
    boolean[][] reducedToNone = new boolean[6][6];
    boolean[][] unchanged = new boolean[6][6];
    for (int i = 0; i < 3; i++) {
      reducedToNone[i][3] = true;
      unchanged[i][i] = true;
    }
    List<JointFit.Constraint> cons =
        List.of(
            JointFit.Constraint.percent(reducedToNone, 84, 1113),
            new JointFit.Constraint(unchanged, 109));
    int[][] m = JointFit.fit(rows, cols, cons, new Random(7));
    for (int i = 0; i < rows.length; i++) {
      int sum = 0;
      for (int j = 0; j < cols.length; j++) {
        assertThat(m[i][j]).isNotNegative();
        sum += m[i][j];
      }
      assertThat(sum).isEqualTo(rows[i]);
    }
    for (int j = 0; j < cols.length; j++) {
      int sum = 0;
      for (int[] row : m) {
        sum += row[j];
      }
      assertThat(sum).isEqualTo(cols[j]);
    }
    assertThat(JointFit.penalty(m, cons)).isZero();
  }
}
