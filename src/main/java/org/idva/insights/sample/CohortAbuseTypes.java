package org.idva.insights.sample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The exit cohort's abuse levels, fitted at the end of a year once every answer is out (so the main
 * random stream, and with it every other table, is what it was): the change in levels per type for
 * a year that prints only percentages, then multiple types of abuse at intake and at exit ({@code
 * multiple_abuse_types_intake_exit}): the intake column counts an intake as the intake table does
 * (seven types), the exit column the four types with a level (the exit form has no forced marriage,
 * 'honour'-based abuse or FGM question).
 *
 * <p>Moves keep what is fitted already: exits swap one type's whole path (intake level and details,
 * exit level, escalation), which keeps every type's intake-by-exit table; intakes outside the
 * cohort swap a level with its details. The intake table's figures (seven types) and the escalation
 * figures weigh most, so they stay where they were.
 */
final class CohortAbuseTypes {
  static final String TABLE = "multiple_abuse_types_intake_exit";
  static final String[] ROWS = {
    "Clients experiencing multiple types of abuse",
    "Clients experiencing multiple types of high severity abuse",
    "Clients experiencing at least one type of high severity abuse"
  };
  private static final Set<String> EXPERIENCED = Set.of("high", "moderate", "standard");
  private static final String[] SEVERITIES = {"high", "moderate", "standard"};
  private static final String[] TYPES = SpecialTables.TYPES;
  private static final int ITERATIONS = 1_000_000;
  private static final int HEAVY = 1000;

  /**
   * The cohort's figures weigh more than the intake table's in the first walk: the intake table is
   * brought back afterwards by moves outside the cohort, the cohort only by moves within it.
   */
  private static final int COHORT = 10;

  private final SeedTargets.YearTargets targets;
  private final SpecialTables special;
  private final Random random;
  private final int year;

  CohortAbuseTypes(
      SeedTargets.YearTargets targets, SpecialTables special, Random random, int startYear) {
    this.targets = targets;
    this.special = special;
    this.random = random;
    this.year = startYear;
  }

  /** The three figures over the four level questions of an exit's answers. */
  static int[] flags(Rec r) {
    int types = 0;
    int highs = 0;
    for (String field : SpecialTables.LEVEL_FIELDS) {
      Object v = r.get(field);
      if (v != null && EXPERIENCED.contains(v.toString())) {
        types++;
      }
      if ("high".equals(v)) {
        highs++;
      }
    }
    return new int[] {types >= 2 ? 1 : 0, highs >= 2 ? 1 : 0, highs >= 1 ? 1 : 0};
  }

  /** Any escalation in severity, in frequency, in either, and high severity escalating. */
  static int[] escalation(Rec exit) {
    boolean s = false;
    boolean f = false;
    boolean h = false;
    for (int t = 0; t < TYPES.length; t++) {
      if (exit.get(SpecialTables.ESCALATION_FIELDS[t]) instanceof Collection<?> c) {
        boolean cs = c.contains("severity");
        boolean cf = c.contains("frequency");
        s |= cs;
        f |= cf;
        h |= (cs || cf) && "high".equals(exit.get(SpecialTables.LEVEL_FIELDS[t]));
      }
    }
    return new int[] {s ? 1 : 0, f ? 1 : 0, s || f ? 1 : 0, h ? 1 : 0};
  }

  /** The printed figures of one column for a cohort of n, or null when not printed. */
  private int[] wanted(String column, int n) {
    int[] want = new int[ROWS.length];
    for (int i = 0; i < ROWS.length; i++) {
      Double v = targets.figure(TABLE, ROWS[i], column);
      if (v == null) {
        return null;
      }
      want[i] = (int) Math.round(targets.exact() ? v : v * n / 100.0);
    }
    return want;
  }

  /**
   * Fits the year's cohort.
   *
   * @param intakes this year's intakes (the intake table's population)
   * @param exits this year's exits
   * @param intakeWant the intake table's three figures (seven types), or null
   */
  void fit(List<Rec> intakes, List<Rec> exits, int[] intakeWant) {
    int[] escalationBefore = new int[4];
    exits.forEach(e -> SpecialTables.add(escalationBefore, escalation(e), 1));
    if (!targets.exact()) {
      levelChangeByPercent(exits);
    }
    search(intakes, exits, intakeWant, escalationBefore);
  }

  // ---- change in levels, earlier years --------------------------------------------------------

  /**
   * Deals the year's exit states (level with its escalation) of each type out again so that each
   * type's intake-by-exit table meets the printed change percentages; the exit totals stay.
   */
  private void levelChangeByPercent(List<Rec> exits) {
    int k = SpecialTables.LEVELS.length;
    for (int t = 0; t < TYPES.length; t++) {
      String level = "abuse_level_" + TYPES[t];
      String escalation = "abuse_escalation_" + TYPES[t];
      if (targets.fields.get("exit." + level) == null
          || targets.figure(
                  "abuse_level_change",
                  "Reduced from Intake to Exit",
                  SpecialTables.CHANGE_COLUMNS[t])
              == null) {
        continue;
      }
      int[] rows = new int[k];
      int[] cols = new int[k];
      List<List<Rec>> groups = new ArrayList<>();
      List<List<Object[]>> states = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        groups.add(new ArrayList<>());
        states.add(new ArrayList<>());
      }
      for (Rec e : exits) {
        int i = SpecialTables.index(str(e.intake.get(level)));
        rows[i]++;
        groups.get(i).add(e);
        int j = SpecialTables.index(str(e.get(level)));
        cols[j]++;
        states.get(j).add(new Object[] {state(e, level), state(e, escalation)});
      }
      int[][] m = JointFit.fit(rows, cols, special.changeConstraints(t), random);
      for (int j = 0; j < k; j++) {
        Collections.shuffle(states.get(j), random);
      }
      int[] nextState = new int[k];
      for (int i = 0; i < k; i++) {
        List<Rec> g = groups.get(i);
        Collections.shuffle(g, random);
        int next = 0;
        for (int j = 0; j < k; j++) {
          for (int c = 0; c < m[i][j]; c++) {
            Rec e = g.get(next++);
            Object[] s = states.get(j).get(nextState[j]++);
            restore(e, level, (Object[]) s[0]);
            restore(e, escalation, (Object[]) s[1]);
          }
        }
      }
    }
  }

  private static String str(Object v) {
    return v == null ? "" : v.toString();
  }

  private static Object[] state(Rec r, String field) {
    return new Object[] {r.get(field), r.blank.contains(field)};
  }

  private static void restore(Rec r, String field, Object[] state) {
    r.values.remove(field);
    r.blank.remove(field);
    if (state[0] != null) {
      r.values.put(field, state[0]);
    } else if ((Boolean) state[1]) {
      r.blank.add(field);
    }
  }

  // ---- multiple types ------------------------------------------------------------------------

  private int[] have7;
  private int[] haveCohort;
  private int[] haveExit;
  private int[] haveEsc;

  private void search(List<Rec> intakes, List<Rec> exits, int[] intakeWant, int[] wantEsc) {
    int[] wantCohort = wanted("Intake", exits.size());
    int[] wantExit = wanted("Exit", exits.size());
    boolean freeSplit = targets.figure("level_of_abuse_intake", "Physical", "High") == null;
    if (wantCohort == null && wantExit == null && !freeSplit) {
      return;
    }
    // paths: this year's exits closing this year's intakes (the year before's are fixed there)
    List<Rec> paths = new ArrayList<>();
    for (Rec e : exits) {
      if (e.intake.startYear == year) {
        paths.add(e);
      }
    }
    // intakes outside the cohort whose answers are this year's own
    List<Rec> loose = new ArrayList<>();
    for (Rec r : intakes) {
      if (r.exit == null && r.startYear == year) {
        loose.add(r);
      }
    }
    have7 = new int[3];
    haveCohort = new int[3];
    haveExit = new int[3];
    haveEsc = new int[4];
    intakes.forEach(r -> SpecialTables.add(have7, SpecialTables.flags(r), 1));
    for (Rec e : exits) {
      SpecialTables.add(haveCohort, SpecialTables.flags(e.intake), 1);
      SpecialTables.add(haveExit, flags(e), 1);
      SpecialTables.add(haveEsc, escalation(e), 1);
    }
    int[] want7 = intakeWant == null ? have7.clone() : intakeWant;
    int[] wc = wantCohort == null ? new int[3] : wantCohort;
    int[] we = wantExit == null ? new int[3] : wantExit;
    // first the intake table may stray while the cohort's figures move (a cohort intake is in the
    // intake table too: a move there needs another among intakes outside the cohort), then it is
    // brought back with moves outside the cohort only
    walk(
        () ->
            SpecialTables.distance(have7, want7)
                + HEAVY * SpecialTables.distance(haveEsc, wantEsc)
                + COHORT * (wantCohort == null ? 0 : SpecialTables.distance(haveCohort, wc))
                + COHORT * (wantExit == null ? 0 : SpecialTables.distance(haveExit, we)),
        paths,
        loose,
        freeSplit,
        exits);
    // moves outside the cohort change the intake table only
    walk(() -> SpecialTables.distance(have7, want7), List.of(), loose, freeSplit, exits);
  }

  private void walk(
      java.util.function.IntSupplier penalty,
      List<Rec> paths,
      List<Rec> loose,
      boolean freeSplit,
      List<Rec> exits) {
    int p = penalty.getAsInt();
    for (int it = 0; it < ITERATIONS && p > 0; it++) {
      int move = random.nextInt(4);
      int ti = random.nextInt(TYPES.length);
      String type = TYPES[ti];
      String level = SpecialTables.LEVEL_FIELDS[ti];
      if (move == 3 && !paths.isEmpty()) { // (not in the last phase: exits stay as they are)
        // exit state only, between exits with the same intake level of the type
        Rec a = exits.get(random.nextInt(exits.size()));
        Rec b = exits.get(random.nextInt(exits.size()));
        if (a == b
            || !java.util.Objects.equals(a.intake.get(level), b.intake.get(level))
            || samePath(a, b, ti)) {
          continue;
        }
        swapExit(a, b, ti);
        int q = penalty.getAsInt();
        if (q <= p) {
          p = q;
        } else {
          swapExit(a, b, ti);
        }
      } else if (move == 0 && paths.size() >= 2) {
        Rec a = paths.get(random.nextInt(paths.size()));
        Rec b = paths.get(random.nextInt(paths.size()));
        if (a == b || samePath(a, b, ti)) {
          continue;
        }
        swapPath(a, b, ti);
        int q = penalty.getAsInt();
        if (q <= p) {
          p = q;
        } else {
          swapPath(a, b, ti);
        }
      } else if (move == 1 && loose.size() >= 2) {
        Rec a = loose.get(random.nextInt(loose.size()));
        Rec b = loose.get(random.nextInt(loose.size()));
        if (a == b || java.util.Objects.equals(a.get(level), b.get(level))) {
          continue;
        }
        swapIntake(a, b, type);
        int q = penalty.getAsInt();
        if (q <= p) {
          p = q;
        } else {
          swapIntake(a, b, type);
        }
      } else if (move == 2 && freeSplit) {
        // no printed split of high / moderate / standard this year: a level may move within them
        int pick = random.nextInt(loose.size() + paths.size() + 1);
        if (pick >= loose.size() + paths.size()) {
          continue;
        }
        Rec exit = pick < loose.size() ? null : paths.get(pick - loose.size());
        Rec a = exit == null ? loose.get(pick) : exit.intake;
        Object old = a.get(level);
        String to = SEVERITIES[random.nextInt(SEVERITIES.length)];
        if (old == null || !EXPERIENCED.contains(old.toString()) || to.equals(old)) {
          continue;
        }
        relevel(a, exit, level, to);
        int q = penalty.getAsInt();
        if (q <= p) {
          p = q;
        } else {
          relevel(a, exit, level, old);
        }
      }
    }
  }

  private void relevel(Rec intake, Rec exit, String level, Object to) {
    if (exit != null) {
      count(exit, -1);
    } else {
      SpecialTables.add(have7, SpecialTables.flags(intake), -1);
    }
    intake.set(level, to);
    if (exit != null) {
      count(exit, 1);
    } else {
      SpecialTables.add(have7, SpecialTables.flags(intake), 1);
    }
  }

  private static boolean samePath(Rec a, Rec b, int t) {
    String level = SpecialTables.LEVEL_FIELDS[t];
    String escalation = SpecialTables.ESCALATION_FIELDS[t];
    return java.util.Objects.equals(a.intake.get(level), b.intake.get(level))
        && java.util.Objects.equals(a.get(level), b.get(level))
        && java.util.Objects.equals(a.get(escalation), b.get(escalation));
  }

  private void count(Rec exit, int d) {
    SpecialTables.add(have7, SpecialTables.flags(exit.intake), d);
    SpecialTables.add(haveCohort, SpecialTables.flags(exit.intake), d);
    SpecialTables.add(haveExit, flags(exit), d);
    SpecialTables.add(haveEsc, escalation(exit), d);
  }

  /** Swaps one type's path between two exits of this year's intakes (swapping back undoes it). */
  private void swapPath(Rec a, Rec b, int t) {
    count(a, -1);
    count(b, -1);
    SpecialTables.swap(a.intake, b.intake, TYPES[t]);
    for (String f :
        new String[] {SpecialTables.LEVEL_FIELDS[t], SpecialTables.ESCALATION_FIELDS[t]}) {
      Object[] sa = state(a, f);
      restore(a, f, state(b, f));
      restore(b, f, sa);
    }
    count(a, 1);
    count(b, 1);
  }

  private void swapExit(Rec a, Rec b, int t) {
    SpecialTables.add(haveExit, flags(a), -1);
    SpecialTables.add(haveExit, flags(b), -1);
    SpecialTables.add(haveEsc, escalation(a), -1);
    SpecialTables.add(haveEsc, escalation(b), -1);
    for (String f :
        new String[] {SpecialTables.LEVEL_FIELDS[t], SpecialTables.ESCALATION_FIELDS[t]}) {
      Object[] sa = state(a, f);
      restore(a, f, state(b, f));
      restore(b, f, sa);
    }
    SpecialTables.add(haveExit, flags(a), 1);
    SpecialTables.add(haveExit, flags(b), 1);
    SpecialTables.add(haveEsc, escalation(a), 1);
    SpecialTables.add(haveEsc, escalation(b), 1);
  }

  private void swapIntake(Rec a, Rec b, String type) {
    SpecialTables.add(have7, SpecialTables.flags(a), -1);
    SpecialTables.add(have7, SpecialTables.flags(b), -1);
    SpecialTables.swap(a, b, type);
    SpecialTables.add(have7, SpecialTables.flags(a), 1);
    SpecialTables.add(have7, SpecialTables.flags(b), 1);
  }
}
