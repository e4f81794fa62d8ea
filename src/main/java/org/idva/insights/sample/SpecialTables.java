package org.idva.insights.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.Schema;

/**
 * Joint allocations for the tables that combine answers: abuse levels at intake and exit (change
 * table), relationship change, escalation of abuse, multiple types of abuse at intake and at
 * review. Each keeps every single question's totals and makes the combined figures come out.
 */
final class SpecialTables {
  static final String[] TYPES = {
    "physical", "sexual", "harassment_stalking", "jealous_controlling"
  };

  /** The level and escalation field of each type (names built once: the fits read them a lot). */
  static final String[] LEVEL_FIELDS = new String[TYPES.length];

  static final String[] ESCALATION_FIELDS = new String[TYPES.length];

  static {
    for (int i = 0; i < TYPES.length; i++) {
      LEVEL_FIELDS[i] = "abuse_level_" + TYPES[i];
      ESCALATION_FIELDS[i] = "abuse_escalation_" + TYPES[i];
    }
  }

  static final String[] CHANGE_COLUMNS = {
    "Physical", "Sexual", "Harassment and Stalking", "Jealous and Controlling"
  };
  static final String[] LEVELS = {"high", "moderate", "standard", "none", "dont_know", ""};

  private final Schema schema;
  private final SeedTargets.YearTargets targets;
  private final Random random;

  /**
   * Draws of the joint fits added after the rest of the generator: their own stream, so the main
   * one (and with it every other table of the sample) stays as it was.
   */
  private final Random side;

  SpecialTables(Schema schema, SeedTargets.YearTargets targets, Random random) {
    this.schema = schema;
    this.targets = targets;
    this.random = random;
    this.side = new Random(0x1DBA_2023L * 31 + targets.year.hashCode());
  }

  private int figure(String table, String row, String group, int base) {
    Double v = targets.figure(table, row, group);
    if (v == null) {
      return -1;
    }
    return (int) Math.round(targets.exact() ? v : v * base / 100.0);
  }

  // ---- four or more ACEs --------------------------------------------------------------------

  /**
   * Moves ACE ticks between intakes (each option keeps its count, so the average stays) until the
   * printed number of clients with four or more ACEs have them: the allocation alone spreads ticks
   * evenly, so nobody reached four.
   */
  void fourOrMoreAces(List<Rec> intakes) {
    String field = "ace_types";
    List<Rec> with = new ArrayList<>();
    for (Rec r : intakes) {
      if (r.get(field) instanceof java.util.Collection<?> c && !c.isEmpty()) {
        with.add(r);
      }
    }
    int want = figure("aces", "Number experiencing four or more", null, with.size());
    if (want <= 0) {
      return;
    }
    Map<Rec, List<String>> ticks = new java.util.LinkedHashMap<>();
    for (Rec r : with) {
      List<String> t = new ArrayList<>();
      ((java.util.Collection<?>) r.get(field)).forEach(x -> t.add(x.toString()));
      ticks.put(r, t);
    }
    Collections.shuffle(with, random);
    with.sort(java.util.Comparator.comparingInt(r -> -ticks.get(r).size()));
    List<Rec> takers = new ArrayList<>(with.subList(0, Math.min(want, with.size())));
    List<Rec> donors = new ArrayList<>(with.subList(takers.size(), with.size()));
    int d = 0;
    for (Rec taker : takers) {
      List<String> mine = ticks.get(taker);
      int guard = 0;
      while (mine.size() < 4 && guard++ < donors.size() * 2 && !donors.isEmpty()) {
        Rec donor = donors.get(d++ % donors.size());
        List<String> theirs = ticks.get(donor);
        if (theirs.size() <= 1) {
          continue;
        }
        for (String code : theirs) {
          if (!mine.contains(code)) {
            theirs.remove(code);
            mine.add(code);
            break;
          }
        }
      }
    }
    Field f = schema.field("intake." + field).orElseThrow();
    for (Rec r : with) {
      java.util.Set<String> ordered = new java.util.LinkedHashSet<>();
      for (org.idva.insights.schema.Code c : f.codeList().codes()) {
        if (ticks.get(r).contains(c.code())) {
          ordered.add(c.code());
        }
      }
      r.set(field, ordered);
    }
  }

  // ---- multiple types of abuse at intake ---------------------------------------------------

  /**
   * The end of a year, once every answer is out: the fits added after the rest of the generator, on
   * their own random stream (escalation where no exit level is printed, the exit cohort's levels,
   * the relationship at exit of next year's exits closing this year's intakes).
   */
  void finishYear(List<Rec> yearIntakes, List<Rec> exits, int startYear) {
    escalationWithoutLevels(exits);
    int[] want = intakeFigures(yearIntakes.size());
    new CohortAbuseTypes(targets, this, side, startYear)
        .fit(yearIntakes, exits, want[0] < 0 ? null : want);
    relationshipOfLaterExits(yearIntakes);
  }

  /** CYPS involvement at intake on the exit cohort; returns what the year before must add. */
  int[] cohortChildren(List<Rec> yearIntakes, List<Rec> exits, int startYear, int[] laterPart) {
    return new CohortChildren(schema, targets, side).fit(yearIntakes, exits, startYear, laterPart);
  }

  private int[] intakeFigures(int n) {
    return new int[] {
      figure(
          "multiple_abuse_types_intake", "Clients experiencing multiple types of abuse", null, n),
      figure(
          "multiple_abuse_types_intake",
          "Clients experiencing multiple types of high severity abuse",
          null,
          n),
      figure(
          "multiple_abuse_types_intake",
          "Clients experiencing at least one type of high severity abuse",
          null,
          n)
    };
  }

  /** Swaps level answers between intakes of one class until the derived figures come out. */
  void multipleAbuseTypesAtIntake(List<Rec> intakes, Set<Rec> cohort) {
    int[] want = intakeFigures(intakes.size());
    if (want[0] < 0) {
      return;
    }
    List<List<Rec>> classes = new ArrayList<>();
    List<Rec> in = new ArrayList<>();
    List<Rec> out = new ArrayList<>();
    for (Rec r : intakes) {
      if (r.exit != null && r.exit.startYear != r.startYear) {
        continue; // its answers were set jointly with a later year's exit
      }
      (cohort.contains(r) ? in : out).add(r);
    }
    classes.add(in);
    classes.add(out);
    int[] have = new int[3];
    for (Rec r : intakes) {
      add(have, flags(r), 1);
    }
    int penalty = distance(have, want);
    for (int it = 0; it < 300_000 && penalty > 0; it++) {
      List<Rec> cls = classes.get(random.nextInt(2));
      if (cls.size() < 2) {
        continue;
      }
      Rec a = cls.get(random.nextInt(cls.size()));
      Rec b = cls.get(random.nextInt(cls.size()));
      String type = TYPES[random.nextInt(TYPES.length)];
      String level = "abuse_level_" + type;
      if (a == b || java.util.Objects.equals(a.get(level), b.get(level))) {
        continue;
      }
      add(have, flags(a), -1);
      add(have, flags(b), -1);
      swap(a, b, type);
      add(have, flags(a), 1);
      add(have, flags(b), 1);
      int p = distance(have, want);
      if (p <= penalty) {
        penalty = p;
      } else {
        add(have, flags(a), -1);
        add(have, flags(b), -1);
        swap(a, b, type);
        add(have, flags(a), 1);
        add(have, flags(b), 1);
      }
    }
  }

  private static final Map<String, String> DETAILS =
      Map.of(
          "physical", "physical_abuse_details",
          "sexual", "sexual_abuse_details",
          "harassment_stalking", "harassment_stalking_details",
          "jealous_controlling", "jealous_controlling_details");

  static void swap(Rec a, Rec b, String type) {
    for (String f : new String[] {"abuse_level_" + type, DETAILS.get(type)}) {
      Object va = a.get(f);
      Object vb = b.get(f);
      boolean ba = a.blank.contains(f);
      boolean bb = b.blank.contains(f);
      a.values.remove(f);
      b.values.remove(f);
      a.blank.remove(f);
      b.blank.remove(f);
      if (vb != null || bb) {
        a.set(f, vb);
      }
      if (va != null || ba) {
        b.set(f, va);
      }
    }
  }

  static int[] flags(Rec r) {
    int types = 0;
    int highs = 0;
    for (String field : LEVEL_FIELDS) {
      Object v = r.get(field);
      if ("high".equals(v) || "moderate".equals(v) || "standard".equals(v)) {
        types++;
      }
      if ("high".equals(v)) {
        highs++;
      }
    }
    for (String f : new String[] {"abuse_forced_marriage", "abuse_honour_based", "abuse_fgm"}) {
      if ("yes".equals(r.get(f))) {
        types++;
      }
    }
    return new int[] {types >= 2 ? 1 : 0, highs >= 2 ? 1 : 0, highs >= 1 ? 1 : 0};
  }

  static void add(int[] have, int[] flags, int d) {
    for (int i = 0; i < have.length; i++) {
      have[i] += flags[i] * d;
    }
  }

  static int distance(int[] have, int[] want) {
    int p = 0;
    for (int i = 0; i < have.length; i++) {
      p += Math.abs(have[i] - want[i]);
    }
    return p;
  }

  // ---- abuse levels intake vs exit -----------------------------------------------------------

  /**
   * Exit levels jointly with the exit cohort's intake levels: each type's intake-by-exit table has
   * the exit column's totals and the printed change figures (2023 counts; earlier years the counts
   * that round to the printed % of each column's base: the cases with the type at intake, those
   * high at intake for "Reduced from High to None"). Then the cohort's multiple-types figures at
   * exit are fitted by swapping exit levels between cases of one intake level.
   */
  void levelChange(List<Rec> exits) {
    if (!targets.exact()) {
      return; // earlier years: fitted at the end of the year (CohortFit), off the main stream
    }
    for (int t = 0; t < TYPES.length; t++) {
      String fieldId = "abuse_level_" + TYPES[t];
      Field field = schema.field("exit." + fieldId).orElseThrow();
      Target exitTarget = targets.fields.get("exit." + fieldId);
      if (exitTarget == null) {
        continue;
      }
      Map<String, Integer> exitCounts = Allocator.counts(exitTarget, field, exits.size());
      int k = LEVELS.length;
      int[] rows = new int[k];
      int[] cols = new int[k];
      List<List<Rec>> groups = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        groups.add(new ArrayList<>());
        cols[i] = exitCounts.getOrDefault(LEVELS[i], 0);
      }
      for (Rec exit : exits) {
        Object v = exit.intake.get(fieldId);
        int i = index(v == null ? "" : v.toString());
        rows[i]++;
        groups.get(i).add(exit);
      }
      int[][] m = JointFit.fit(rows, cols, changeConstraints(t), side);
      for (int i = 0; i < k; i++) {
        List<Rec> g = groups.get(i);
        Collections.shuffle(g, random);
        int next = 0;
        for (int j = 0; j < k; j++) {
          for (int c = 0; c < m[i][j]; c++) {
            Rec exit = g.get(next++);
            exit.set(fieldId, LEVELS[j].isEmpty() ? null : LEVELS[j]);
          }
        }
      }
    }
  }

  /**
   * The printed change figures of one type's column over its intake-by-exit table (rows and columns
   * in {@link #LEVELS} order: high, moderate, standard, none, don't know, blank). The definition's
   * reading: a level is known when high, moderate, standard or none; each % is of the cases whose
   * exit level is known and whose intake level is in the row's population (high, moderate or
   * standard; high for "Reduced from High to None"; any known level for "Increased", so none at
   * intake and abuse at exit is an increase). 2023 prints counts and %: both are met.
   */
  List<JointFit.Constraint> changeConstraints(int t) {
    String col = CHANGE_COLUMNS[t];
    List<JointFit.Constraint> cons = new ArrayList<>();
    CellRule experienced = (i, j) -> i < 3 && j <= 3;
    constraint(
        cons, "Reduced from Intake to Exit", col, experienced, (i, j) -> i < 3 && j > i && j <= 3);
    constraint(
        cons,
        "Reduced from High to None",
        col,
        (i, j) -> i == 0 && j <= 3,
        (i, j) -> i == 0 && j == 3);
    constraint(cons, "Reduced to None", col, experienced, (i, j) -> i < 3 && j == 3);
    constraint(cons, "Unchanged from Intake to Exit", col, experienced, (i, j) -> i < 3 && j == i);
    constraint(
        cons,
        "Increased from Intake to Exit",
        col,
        (i, j) -> i <= 3 && j <= 3,
        (i, j) -> i <= 3 && j < i);
    return cons;
  }

  private interface CellRule {
    boolean test(int i, int j);
  }

  private void constraint(
      List<JointFit.Constraint> cons, String row, String col, CellRule base, CellRule rule) {
    Double v = targets.figure("abuse_level_change", row, col);
    if (v == null) {
      return;
    }
    if (targets.exact()) {
      cons.add(new JointFit.Constraint(cells(rule), (int) Math.round(v)));
      Double pct = targets.percent("abuse_level_change", row, col);
      if (pct != null) {
        cons.add(JointFit.Constraint.share(cells(rule), cells(base), pct));
      }
    } else {
      cons.add(JointFit.Constraint.share(cells(rule), cells(base), v));
    }
  }

  private static boolean[][] cells(CellRule rule) {
    int k = LEVELS.length;
    boolean[][] cells = new boolean[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        cells[i][j] = rule.test(i, j);
      }
    }
    return cells;
  }

  static int index(String level) {
    for (int i = 0; i < LEVELS.length; i++) {
      if (LEVELS[i].equals(level)) {
        return i;
      }
    }
    return LEVELS.length - 1;
  }

  // ---- relationship at exit ----------------------------------------------------------------

  private static final String RELATIONSHIP = "perpetrator_relationship";
  private static final String CURRENT = "current_intimate_partner";
  private static final String EX = "ex_intimate_partner";

  /** The exit relationship is the intake's, except the printed changes. */
  void relationshipChange(List<Rec> exits) {
    List<Rec> current = new ArrayList<>();
    List<Rec> ex = new ArrayList<>();
    for (Rec exit : exits) {
      Object v = exit.intake.get(RELATIONSHIP);
      if (v != null) {
        exit.values.put(RELATIONSHIP, v);
        (v.equals(CURRENT) ? current : v.equals(EX) ? ex : new ArrayList<Rec>()).add(exit);
      }
    }
    flip(current, EX, figure("relationship_change", TO_EX, null, current.size()), random);
    flip(ex, CURRENT, figure("relationship_change", TO_CURRENT, null, ex.size()), random);
  }

  /**
   * Exits of the next year closing this year's intakes: their intake relationship is known only
   * now, after this year's allocation. Where that year prints percentages (2021-22), they take the
   * intake's relationship with the printed share changed, so its % holds over all its exits.
   */
  void relationshipOfLaterExits(List<Rec> intakes) {
    String later = Integer.toString(Integer.parseInt(targets.year) + 1);
    if (later.equals("2023")) {
      return; // 2022-23 prints counts: fitted with its own exits
    }
    JsonNode table = targets.seedTables.get("relationship_change");
    List<Rec> current = new ArrayList<>();
    List<Rec> ex = new ArrayList<>();
    for (Rec intake : intakes) {
      Rec exit = intake.exit;
      Object v = intake.get(RELATIONSHIP);
      if (exit == null || exit.startYear <= intake.startYear || v == null) {
        continue;
      }
      exit.values.put(RELATIONSHIP, v);
      (v.equals(CURRENT) ? current : v.equals(EX) ? ex : new ArrayList<Rec>()).add(exit);
    }
    flip(current, EX, share(table, TO_EX, later, current.size()), side);
    flip(ex, CURRENT, share(table, TO_CURRENT, later, ex.size()), side);
  }

  private static int share(JsonNode table, String row, String year, int base) {
    Double p =
        SeedTargets.value(SeedTargets.seedRow(table, row, new HashSet<>()), year, null, false);
    return p == null ? 0 : (int) Math.round(p * base / 100.0);
  }

  private static final String TO_EX = "Current intimate partner to ex-intimate partner";
  private static final String TO_CURRENT = "Ex-intimate partner to current intimate partner";

  private static void flip(List<Rec> group, String to, int k, Random r) {
    Collections.shuffle(group, r);
    for (int i = 0; i < Math.min(k, group.size()); i++) {
      group.get(i).values.put(RELATIONSHIP, to);
    }
  }

  // ---- escalation at exit ------------------------------------------------------------------

  void escalation(List<Rec> exits) {
    escalation(exits, random);
  }

  /**
   * A year that prints no exit levels (2020-21) has none, and escalation is asked only where a
   * level is high, moderate or standard: at the end of the year the escalating cases get one, then
   * their escalation (off the main stream).
   */
  void escalationWithoutLevels(List<Rec> exits) {
    if (targets.fields.get("exit.abuse_level_" + TYPES[0]) != null) {
      return;
    }
    int n = exits.size();
    String t = "abuse_escalation";
    int either = figure(t, "Any escalation in severity or frequency of abuse", null, n);
    int high =
        figure(
            t,
            "At least one form of high severity abuse which is escalating in frequency or severity",
            null,
            n);
    if (either <= 0) {
      return;
    }
    levelsForEscalation(exits, high, either);
    escalation(exits, side);
  }

  private void escalation(List<Rec> exits, Random random) {
    int n = exits.size();
    String t = "abuse_escalation";
    int severity = figure(t, "Any escalation in severity of abuse", null, n);
    int frequency = figure(t, "Any escalation in frequency of abuse", null, n);
    int either = figure(t, "Any escalation in severity or frequency of abuse", null, n);
    int high =
        figure(
            t,
            "At least one form of high severity abuse which is escalating in frequency or severity",
            null,
            n);
    if (either < 0) {
      return;
    }
    List<Rec> withHigh = new ArrayList<>();
    List<Rec> withOther = new ArrayList<>();
    for (Rec exit : exits) {
      boolean anyHigh = false;
      boolean anyOther = false;
      for (String type : TYPES) {
        Object v = exit.get("abuse_level_" + type);
        if ("high".equals(v)) {
          anyHigh = true;
        } else if ("moderate".equals(v) || "standard".equals(v)) {
          anyOther = true;
        }
        if ("high".equals(v) || "moderate".equals(v) || "standard".equals(v)) {
          exit.values.put(
              "abuse_escalation_" + type, new LinkedHashSet<>(List.of("not_escalating")));
        }
      }
      if (anyHigh) {
        withHigh.add(exit);
      } else if (anyOther) {
        withOther.add(exit);
      }
    }
    Collections.shuffle(withHigh, random);
    Collections.shuffle(withOther, random);
    List<Rec> escalating = new ArrayList<>();
    List<String> escalatingType = new ArrayList<>();
    for (int i = 0; i < Math.min(high, withHigh.size()); i++) {
      escalating.add(withHigh.get(i));
      escalatingType.add(typeWith(withHigh.get(i), Set.of("high")));
    }
    for (int i = 0; i < withOther.size() && escalating.size() < either; i++) {
      escalating.add(withOther.get(i));
      escalatingType.add(typeWith(withOther.get(i), Set.of("moderate", "standard")));
    }
    int both = Math.max(0, severity + frequency - either);
    int sevOnly = Math.max(0, either - frequency);
    for (int i = 0; i < escalating.size(); i++) {
      Set<String> ticks = new LinkedHashSet<>();
      if (i < both) {
        ticks.add("severity");
        ticks.add("frequency");
      } else if (i < both + sevOnly) {
        ticks.add("severity");
      } else {
        ticks.add("frequency");
      }
      escalating.get(i).values.put("abuse_escalation_" + escalatingType.get(i), ticks);
    }
  }

  /**
   * A year whose exit levels are not printed (2020-21) has none; escalation is asked only where a
   * level is high, moderate or standard, so the escalating cases get one (the type they had at
   * intake where there is one): high for the printed number escalating at high severity.
   */
  private void levelsForEscalation(List<Rec> exits, int high, int either) {
    List<Rec> open = new ArrayList<>();
    for (Rec exit : exits) {
      boolean none = true;
      for (String type : TYPES) {
        none &= exit.get("abuse_level_" + type) == null;
      }
      if (none) {
        open.add(exit);
      }
    }
    Collections.shuffle(open, side);
    for (int i = 0; i < Math.min(either, open.size()); i++) {
      // always the first type (physical): levels spread over the types gave the other types'
      // exit columns a handful of answers in a year they were not asked, so instead of "not
      // collected" they printed 0% with Missing at 100% (issue 17.8)
      Rec exit = open.get(i);
      String type = TYPES[0];
      Object atIntake = exit.intake.get("abuse_level_" + type);
      String level = i < high ? "high" : "standard".equals(atIntake) ? "standard" : "moderate";
      exit.set("abuse_level_" + type, level);
    }
  }

  private static String typeWith(Rec exit, Set<String> levels) {
    for (String type : TYPES) {
      Object v = exit.get("abuse_level_" + type);
      if (v != null && levels.contains(v.toString())) {
        return type;
      }
    }
    return TYPES[0];
  }

  // ---- review: types and levels of further abuse --------------------------------------------

  void reviewAbuse(List<Rec> reviews) {
    String t = "review_multiple_abuse_types";
    Set<String> yes =
        Set.of(
            "yes_same_perpetrator",
            "yes_different_perpetrator",
            "yes_multiple_perpetrators",
            "yes_family_member");
    List<Rec> asked = new ArrayList<>();
    for (Rec r : reviews) {
      if (r.get("further_abuse") instanceof Collection<?> c
          && c.stream().anyMatch(x -> yes.contains(x.toString()))) {
        asked.add(r);
      }
    }
    Integer n = SeedTargets.n(targets.seedTables.get(t), targets.year, null);
    if (n == null) {
      return;
    }
    int answered = Math.min(asked.size(), targets.exact() ? n : Math.round(n));
    int multi = figure(t, "Clients experiencing multiple types of abuse", null, answered);
    int multiHigh =
        figure(t, "Clients experiencing multiple types of high severity abuse", null, answered);
    int oneHigh =
        figure(t, "Clients experiencing at least one type of high severity abuse", null, answered);
    Collections.shuffle(asked, random);
    List<Rec> chosen = asked.subList(0, answered);
    for (int i = 0; i < chosen.size(); i++) {
      Rec r = chosen.get(i);
      List<String> types = new ArrayList<>(List.of(TYPES));
      Collections.shuffle(types, random);
      int k = i < multi ? (i < multiHigh ? 2 + random.nextInt(2) : 2) : 1;
      Set<String> ticked = new LinkedHashSet<>(types.subList(0, k));
      Set<String> ordered = new LinkedHashSet<>();
      for (String type : TYPES) {
        if (ticked.contains(type)) {
          ordered.add(type);
        }
      }
      r.values.put("abuse_types", ordered);
      int highs = i < multiHigh ? 2 : i < oneHigh ? 1 : 0;
      int h = 0;
      for (String type : types.subList(0, k)) {
        String level = h++ < highs ? "high" : random.nextBoolean() ? "moderate" : "standard";
        r.values.put("abuse_level_" + type, level);
      }
    }
  }

  // ---- Dash ticks at intake and exit -------------------------------------------------------

  private static final String DASH = "dash_ticks_intake_exit";
  private static final String[] RISK = {
    "Standard Risk (1 - 5)", "Medium Risk (6 - 9)", "High Risk (10+)"
  };
  private static final int[][] RISK_BANDS = {{1, 5}, {6, 9}, {10, 18}};

  private long inRiskBand(int b) {
    return RISK_BANDS[b][0] + random.nextInt(RISK_BANDS[b][1] - RISK_BANDS[b][0] + 1);
  }

  /**
   * Exit Dash scores for the printed pair: banded cases with the printed intake and exit bands and
   * the printed number of reduced scores; the cases in no printed band have 0 ticks at exit.
   */
  void dashPair(List<Rec> exits) {
    Integer n = SeedTargets.n(targets.seedTables.get(DASH), targets.year, null);
    if (n == null) {
      return;
    }
    if (!targets.exact()) {
      dashPairEarlier(exits, n);
      return;
    }
    int[] intake = new int[3];
    int[] exit = new int[3];
    for (int b = 0; b < 3; b++) {
      intake[b] = figure(DASH, RISK[b], "Intake", 0);
      exit[b] = figure(DASH, RISK[b], "Exit", 0);
    }
    int reduced =
        figure(DASH, "Cases where Dash score reduced between Intake and Exit", "Intake to Exit", 0);
    List<Rec> open = new ArrayList<>();
    List<List<Rec>> byBand = byIntakeDashBand(exits, open);
    // intakes of the year before, made for these exits and not yet filled in (the earlier year's
    // allocation counts what is set here): their intake score makes up each band's shortfall, and
    // the cases in no printed band at exit
    Collections.shuffle(open, random);
    int nextOpen = 0;
    int pooled = 0;
    for (int b = 0; b < 3; b++) {
      while (byBand.get(b).size() < intake[b] && nextOpen < open.size()) {
        Rec e = open.get(nextOpen++);
        e.intake.set("dash_ticks", inRiskBand(b));
        byBand.get(b).add(e);
      }
      pooled += byBand.get(b).size();
    }
    while (pooled < n && nextOpen < open.size()) {
      Rec e = open.get(nextOpen++);
      e.intake.set("dash_ticks", inRiskBand(2));
      byBand.get(2).add(e);
      pooled++;
    }
    List<Rec> spare = new ArrayList<>();
    List<List<Rec>> chosen = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      List<Rec> g = byBand.get(b);
      Collections.shuffle(g, random);
      int k = Math.min(intake[b], g.size());
      chosen.add(new ArrayList<>(g.subList(0, k)));
      spare.addAll(g.subList(k, g.size()));
      intake[b] = k;
    }
    Collections.shuffle(spare, random);
    int unbanded = Math.min(spare.size(), n - intake[0] - intake[1] - intake[2]);
    for (Rec e : spare.subList(0, unbanded)) {
      e.set("dash_ticks", 0L);
    }
    int sumIn = intake[0] + intake[1] + intake[2];
    int sumOut = exit[0] + exit[1] + exit[2];
    exit[2] += sumIn - sumOut;
    int wantedLower = Math.max(0, reduced - unbanded);
    boolean[][] lower = new boolean[3][3];
    lower[1][0] = true;
    lower[2][0] = true;
    lower[2][1] = true;
    int[][] m =
        JointFit.fit(
            intake,
            exit,
            List.of(new JointFit.Constraint(lower, (int) Math.round(wantedLower * 0.9))),
            random);
    int lowerCount = m[1][0] + m[2][0] + m[2][1];
    int sameBandReductions = Math.max(0, wantedLower - lowerCount);
    for (int i = 0; i < 3; i++) {
      List<Rec> g = chosen.get(i);
      int next = 0;
      for (int j = 0; j < 3; j++) {
        for (int c = 0; c < m[i][j]; c++) {
          Rec e = g.get(next++);
          long in = (Long) e.intake.get("dash_ticks");
          int lo = RISK_BANDS[j][0];
          int hi = RISK_BANDS[j][1];
          long value;
          if (i != j) {
            value = lo + random.nextInt(hi - lo + 1);
          } else if (sameBandReductions > 0 && in > lo) {
            value = lo + random.nextInt((int) (in - lo));
            sameBandReductions--;
          } else {
            long from = Math.max(in, lo);
            long to = Math.max(from, hi);
            value = from + random.nextInt((int) (to - from + 1));
          }
          e.set("dash_ticks", value);
        }
      }
    }
  }

  /**
   * An earlier year's pair (2021-22: % of n only). Its intake and its exit bands each leave 18% of
   * n in no printed band. At exit those have 0 ticks, as in 2022-23; at intake they are exits
   * closing an intake of the year before (2020-21, whose intake bands are not printed) with 0
   * ticks, so every printed % holds. Banded cases beyond the printed counts get no exit score.
   */
  private void dashPairEarlier(List<Rec> exits, int n) {
    int[] intake = new int[3];
    int[] exit = new int[3];
    for (int b = 0; b < 3; b++) {
      intake[b] = figure(DASH, RISK[b], "Intake", n);
      exit[b] = figure(DASH, RISK[b], "Exit", n);
    }
    int reduced =
        figure(DASH, "Cases where Dash score reduced between Intake and Exit", "Intake to Exit", n);
    if (reduced < 0 || intake[0] < 0 || exit[0] < 0) {
      return;
    }
    List<Rec> open = new ArrayList<>();
    List<List<Rec>> byBand = byIntakeDashBand(exits, open);
    Collections.shuffle(open, side);
    int nextOpen = 0;
    List<List<Rec>> chosen = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      List<Rec> g = byBand.get(b);
      while (g.size() < intake[b] && nextOpen < open.size()) {
        Rec e = open.get(nextOpen++);
        e.intake.set("dash_ticks", inRiskBand(b, side));
        g.add(e);
      }
      Collections.shuffle(g, side);
      intake[b] = Math.min(intake[b], g.size());
      chosen.add(new ArrayList<>(g.subList(0, intake[b])));
    }
    int sumIn = intake[0] + intake[1] + intake[2];
    for (int z = sumIn; z < n && nextOpen < open.size(); z++) {
      Rec e = open.get(nextOpen++);
      e.intake.set("dash_ticks", 0L);
      e.set("dash_ticks", 0L);
    }
    exit[2] += sumIn - (exit[0] + exit[1] + exit[2]);
    boolean[][] lower = new boolean[3][3];
    lower[1][0] = true;
    lower[2][0] = true;
    lower[2][1] = true;
    int[][] m =
        JointFit.fit(
            intake,
            exit,
            List.of(new JointFit.Constraint(lower, (int) Math.round(reduced * 0.9))),
            side);
    int sameBandReductions = Math.max(0, reduced - (m[1][0] + m[2][0] + m[2][1]));
    for (int i = 0; i < 3; i++) {
      List<Rec> g = chosen.get(i);
      int next = 0;
      for (int j = 0; j < 3; j++) {
        for (int c = 0; c < m[i][j]; c++) {
          Rec e = g.get(next++);
          long in = (Long) e.intake.get("dash_ticks");
          int lo = RISK_BANDS[j][0];
          int hi = RISK_BANDS[j][1];
          long value;
          if (i != j) {
            value = lo + side.nextInt(hi - lo + 1);
          } else if (sameBandReductions > 0 && in > lo) {
            value = lo + side.nextInt((int) (in - lo));
            sameBandReductions--;
          } else {
            long from = Math.max(in, lo);
            value = from + side.nextInt((int) (Math.max(from, hi) - from + 1));
          }
          e.set("dash_ticks", value);
        }
      }
    }
  }

  private static long inRiskBand(int b, Random r) {
    return RISK_BANDS[b][0] + r.nextInt(RISK_BANDS[b][1] - RISK_BANDS[b][0] + 1);
  }

  /**
   * Exits by their intake's Dash band (1-5, 6-9, 10+); adds to {@code open} the exits whose intake
   * (of the year before) has no score yet and is not meant to stay blank.
   */
  private static List<List<Rec>> byIntakeDashBand(List<Rec> exits, List<Rec> open) {
    List<List<Rec>> byBand = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      byBand.add(new ArrayList<>());
    }
    for (Rec e : exits) {
      if (e.intake.get("dash_ticks") instanceof Long v && v >= 1) {
        byBand.get(v <= 5 ? 0 : v <= 9 ? 1 : 2).add(e);
      } else if (e.intake.startYear < e.startYear
          && e.intake.get("dash_ticks") == null
          && !e.intake.blank.contains("dash_ticks")) {
        open.add(e);
      }
    }
    return byBand;
  }
}
