package org.idva.insights.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.idva.insights.schema.CodeList;
import org.idva.insights.schema.Schema;

/**
 * CYPS involvement at intake on the exit cohort ({@code cyps_involvement_intake_exit}, Intake
 * column: exit cases whose intake lists children, with their CYPS involvement). Children and CYPS
 * involvement are client answers, exact on unique clients; here they count once per exit case.
 *
 * <p>At the end of each year, clients of the year swap their whole children profile (number of
 * children, CYPS involvement, the child rows), which keeps every client table. Part of a year's
 * cohort are exits closing intakes of the year before, whose clients are answered only when that
 * year is built: this year fits its own part to the printed figures less that part's expectation,
 * and hands the year before what its part must add up to ({@link #fit}'s result), which the year
 * before then fits together with its own cohort.
 */
final class CohortChildren {
  static final String TABLE = "cyps_involvement_intake_exit";
  private static final String CHILDREN = "children_involved";
  private static final String CYPS = "cyps_involvement";
  private static final int ITERATIONS = 600_000;

  private final SeedTargets.YearTargets targets;
  private final Random random;
  private final JsonNode seed;
  private final List<String> codes = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();

  CohortChildren(Schema schema, SeedTargets.YearTargets targets, Random random) {
    this.targets = targets;
    this.random = random;
    this.seed = targets.seedTables.get(TABLE);
    CodeList list = schema.field("intake." + CYPS).orElseThrow().codeList();
    if (seed != null) {
      for (JsonNode row : seed.get("rows")) {
        String label = row.get("label").asText();
        list.byLabel(label)
            .ifPresent(
                c -> {
                  codes.add(c.code());
                  labels.add(label);
                });
      }
    }
  }

  /** With children (1 or 0), then one per code ticked (only with children, as the table counts). */
  private int[] vector(Object children, Object cyps) {
    int[] v = new int[codes.size() + 1];
    if (children instanceof Long k && k >= 1) {
      v[0] = 1;
      if (cyps instanceof Collection<?> ticks) {
        for (Object t : ticks) {
          int i = codes.indexOf(t.toString());
          if (i >= 0) {
            v[i + 1] = 1;
          }
        }
      }
    }
    return v;
  }

  /** The printed Intake column of a year as counts (n, then each row), or null. */
  private int[] wanted(String year) {
    if (seed == null) {
      return null;
    }
    Integer n = SeedTargets.n(seed, year, "Intake");
    if (n == null) {
      return null;
    }
    boolean exact = year.equals("2023");
    int[] w = new int[codes.size() + 1];
    w[0] = n;
    for (int i = 0; i < labels.size(); i++) {
      JsonNode row = SeedTargets.seedRow(seed, labels.get(i), new HashSet<>());
      Double v = SeedTargets.value(row, year, "Intake", exact);
      if (v == null) {
        return null;
      }
      w[i + 1] = (int) Math.round(exact ? v : v * n / 100.0);
    }
    return w;
  }

  /** What m exits of clients of the given year are expected to add (from its client tables). */
  private double[] expected(String year, int m) {
    double[] e = new double[codes.size() + 1];
    JsonNode children = targets.seedTables.get(CHILDREN);
    JsonNode cyps = targets.seedTables.get(CYPS);
    if (m == 0 || children == null || cyps == null) {
      return e;
    }
    Double none =
        SeedTargets.value(SeedTargets.seedRow(children, "0", new HashSet<>()), year, null, false);
    if (none == null) {
      return e;
    }
    e[0] = m * (100 - none) / 100.0;
    for (int i = 0; i < labels.size(); i++) {
      Double p =
          SeedTargets.value(
              SeedTargets.seedRow(cyps, labels.get(i), new HashSet<>()), year, null, false);
      e[i + 1] = p == null ? 0 : e[0] * p / 100.0;
    }
    return e;
  }

  /** One client's children profile: the two answers (with blank marks) and the child rows. */
  private record Profile(
      Object children, boolean childrenBlank, Object cyps, boolean cypsBlank, List<Rec> rows) {}

  /**
   * Fits the year's clients.
   *
   * @param yearIntakes this year's intakes
   * @param exits this year's exits
   * @param startYear the year's first calendar year
   * @param laterPart what the next year's exits closing this year's intakes must add up to (from
   *     the next year's fit), or null
   * @return what this year's exits closing intakes of the year before must add up to, or null
   */
  int[] fit(List<Rec> yearIntakes, List<Rec> exits, int startYear, int[] laterPart) {
    if (codes.isEmpty()) {
      return null;
    }
    String year = targets.year;
    String before = Integer.toString(Integer.parseInt(year) - 1);
    LinkedHashSet<Rec> clientSet = new LinkedHashSet<>();
    for (Rec r : yearIntakes) {
      if (r.client.startYear == startYear && !r.client.children.isEmpty()) {
        clientSet.add(r.client);
      }
    }
    List<Rec> clients = new ArrayList<>(clientSet);
    Map<Rec, Integer> index = new HashMap<>();
    for (int i = 0; i < clients.size(); i++) {
      index.put(clients.get(i), i);
    }
    int c = clients.size();
    int[] wThis = new int[c];
    int[] wLater = new int[c];
    int fromBefore = 0;
    for (Rec e : exits) {
      Integer i = index.get(e.intake.client);
      if (i != null && e.intake.startYear == startYear) {
        wThis[i]++;
      } else {
        fromBefore++;
      }
    }
    for (Rec r : yearIntakes) {
      Integer i = index.get(r.client);
      if (i != null && r.exit != null && r.exit.startYear > r.startYear) {
        wLater[i]++;
      }
    }
    int[] want = wanted(year);
    double[] expect = expected(before, fromBefore);
    int k = codes.size() + 1;
    int[] target = null;
    if (want != null) {
      target = new int[k];
      for (int j = 0; j < k; j++) {
        target[j] = (int) Math.round(want[j] - expect[j]);
      }
    }
    if (target == null && laterPart == null) {
      return null;
    }
    List<Profile> profiles = new ArrayList<>();
    int[][] vectors = new int[c][];
    for (int i = 0; i < c; i++) {
      Rec cl = clients.get(i);
      Rec first = cl.children.get(0);
      profiles.add(
          new Profile(
              cl.get(CHILDREN),
              cl.blank.contains(CHILDREN),
              cl.get(CYPS),
              cl.blank.contains(CYPS),
              new ArrayList<>(first.children)));
      vectors[i] = vector(cl.get(CHILDREN), cl.get(CYPS));
    }
    int[] assign = new int[c];
    for (int i = 0; i < c; i++) {
      assign[i] = i;
    }
    int[] haveThis = new int[k];
    int[] haveLater = new int[k];
    for (int i = 0; i < c; i++) {
      add(haveThis, vectors[i], wThis[i]);
      add(haveLater, vectors[i], wLater[i]);
    }
    int[] t = target;
    int p = distance(haveThis, t) + distance(haveLater, laterPart);
    for (int it = 0; it < ITERATIONS && p > 0 && c > 1; it++) {
      int a = random.nextInt(c);
      int b = random.nextInt(c);
      if (a == b
          || wThis[a] == wThis[b] && wLater[a] == wLater[b]
          || java.util.Arrays.equals(vectors[assign[a]], vectors[assign[b]])) {
        continue;
      }
      move(haveThis, haveLater, vectors, assign, wThis, wLater, a, b);
      int q = distance(haveThis, t) + distance(haveLater, laterPart);
      if (q <= p) {
        p = q;
      } else {
        move(haveThis, haveLater, vectors, assign, wThis, wLater, a, b);
      }
    }
    apply(clients, profiles, assign);
    if (want == null || fromBefore == 0) {
      return null;
    }
    int[] rest = new int[k];
    for (int j = 0; j < k; j++) {
      rest[j] = Math.max(0, want[j] - haveThis[j]);
    }
    return rest;
  }

  private static void move(
      int[] haveThis,
      int[] haveLater,
      int[][] vectors,
      int[] assign,
      int[] wThis,
      int[] wLater,
      int a,
      int b) {
    add(haveThis, vectors[assign[a]], -wThis[a]);
    add(haveThis, vectors[assign[b]], -wThis[b]);
    add(haveLater, vectors[assign[a]], -wLater[a]);
    add(haveLater, vectors[assign[b]], -wLater[b]);
    int x = assign[a];
    assign[a] = assign[b];
    assign[b] = x;
    add(haveThis, vectors[assign[a]], wThis[a]);
    add(haveThis, vectors[assign[b]], wThis[b]);
    add(haveLater, vectors[assign[a]], wLater[a]);
    add(haveLater, vectors[assign[b]], wLater[b]);
  }

  private static void add(int[] have, int[] v, int w) {
    if (w == 0) {
      return;
    }
    for (int j = 0; j < have.length; j++) {
      have[j] += v[j] * w;
    }
  }

  private static int distance(int[] have, int[] want) {
    if (want == null) {
      return 0;
    }
    int d = 0;
    for (int j = 0; j < have.length; j++) {
      d += Math.abs(have[j] - want[j]);
    }
    return d;
  }

  /** Gives every client the profile the search dealt it, child rows moved with it. */
  private static void apply(List<Rec> clients, List<Profile> profiles, int[] assign) {
    for (int i = 0; i < clients.size(); i++) {
      if (assign[i] != i) {
        clients.get(i).children.get(0).children.clear();
      }
    }
    for (int i = 0; i < clients.size(); i++) {
      if (assign[i] == i) {
        continue;
      }
      Rec client = clients.get(i);
      Profile pr = profiles.get(assign[i]);
      restore(client, CHILDREN, pr.children(), pr.childrenBlank());
      restore(client, CYPS, pr.cyps(), pr.cypsBlank());
      Rec first = client.children.get(0);
      for (Rec child : pr.rows()) {
        child.intake = first;
        child.service = first.service;
        child.values.put("case_ref", first.get("case_ref"));
        first.children.add(child);
      }
    }
  }

  private static void restore(Rec r, String field, Object value, boolean blank) {
    r.values.remove(field);
    r.blank.remove(field);
    if (value != null) {
      r.values.put(field, value);
    } else if (blank) {
      r.blank.add(field);
    }
  }
}
