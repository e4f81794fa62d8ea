package org.idva.insights.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's pictures as native charts. A chart is placed by a {@code {{chart:<id>}}} marker on
 * its table's row; the id is the table's id.
 */
final class ChartCatalog {
  /** How series are taken from the table. */
  enum Series {
    /** One series per year's % column (no groups): 2023 %, 2022 %, 2021 %. */
    BY_YEAR,
    /** One series per group's reporting-year % column: Intake, Exit; or the matrix's columns. */
    BY_GROUP
  }

  /**
   * One chart.
   *
   * @param title the chart's title, also its alt-text title
   * @param description the alt-text description read by screen readers
   */
  record Spec(String id, String table, String title, String description, Series series) {}

  private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  static {
    add(
        "referral_route",
        "Referral routes",
        "Bar chart of the % of cases referred by each route,"
            + " reporting year beside the two previous years.",
        Series.BY_YEAR);
    add(
        "dash_ticks_intake",
        "Risk level at intake (Dash ticks)",
        "Bar chart of the % of intake"
            + " cases at standard, medium and high risk by Dash score, by year.",
        Series.BY_YEAR);
    for (String[] a :
        new String[][] {
          {"physical", "physical abuse"},
          {"sexual", "sexual abuse"},
          {"harassment_stalking", "harassment and stalking"},
          {"jealous_controlling", "jealous and controlling behaviour"}
        }) {
      add(
          "level_of_abuse_" + a[0] + "_intake_exit",
          "Level of " + a[1] + ": intake and exit",
          "Bar chart of the % of exit cases at each level of "
              + a[1]
              + " at intake and at exit, reporting year.",
          Series.BY_GROUP);
    }
    add(
        "client_reported_outcomes",
        "Client-reported outcomes at exit",
        "Bar chart of how far"
            + " clients agreed with each outcome statement at exit, reporting year.",
        Series.BY_GROUP);
    add(
        "needs_support_matrix",
        "Needs and support",
        "Bar chart, for each need, of the % of clients"
            + " identified with it, the % supported, and the % of those supported with improved safety"
            + " and wellbeing, reporting year.",
        Series.BY_GROUP);
  }

  private static void add(String id, String title, String description, Series series) {
    SPECS.put(id, new Spec(id, id, title, description, series));
  }

  private ChartCatalog() {}

  static List<String> ids() {
    return List.copyOf(SPECS.keySet());
  }

  static Spec spec(String id) {
    return SPECS.get(id);
  }

  static String table(String id) {
    Spec s = SPECS.get(id);
    return s == null ? "" : s.table();
  }
}
