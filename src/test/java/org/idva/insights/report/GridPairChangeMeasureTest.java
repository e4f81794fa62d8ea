package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.idva.insights.report.Tables.row;

import java.time.LocalDate;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/** Grids, intake-vs-exit pairs and changes, computed with the shipped definitions. */
class GridPairChangeMeasureTest {

  @Test
  void gridOfLevelsByAbuseTypeCountsEachRowsFieldPerColumnCode() {
    CaseSet s =
        new CaseSet()
            .intake(
                "S1",
                "K1",
                "C1",
                "2022-05-01",
                "abuse_level_physical",
                "high",
                "abuse_level_sexual",
                "none")
            .intake(
                "S1",
                "K2",
                "C2",
                "2022-05-01",
                "abuse_level_physical",
                "high",
                "abuse_level_sexual",
                "dont_know")
            .intake("S1", "K3", "C3", "2022-05-01", "abuse_level_physical", "none")
            .intake("S1", "K4", "C4", "2022-05-01");
    TableResult t = Shipped.table(s, "level_of_abuse_intake");
    assertThat(t.n()).containsEntry("2023.High", 4L);
    // Physical: High 2 of 4 = 50%, None 1 = 25%; Sexual: None 1, Don't know 1 = 25% each
    assertThat(row(t, "Physical"))
        .containsEntry("2023.High.count", 2L)
        .containsEntry("2023.High.pct", 50)
        .containsEntry("2023.None.count", 1L)
        .containsEntry("2023.Moderate.count", 0L);
    assertThat(row(t, "Sexual")).containsEntry("2023.Don't know.pct", 25);
  }

  @Test
  void civilOrdersGridCountsOrdersByTypeAndOutcomeAsShareOfCivilClients() {
    CaseSet s =
        new CaseSet()
            .intake("S1", "K1", "C1", "2022-05-01")
            .intake("S1", "K2", "C2", "2022-05-01")
            .exit("S1", "K1", "2022-09-01")
            .exit("S1", "K2", "2022-09-01")
            .row("civil_justice", "S1", "case_ref", "K1")
            .row("civil_justice", "S1", "case_ref", "K2")
            .row(
                "civil_justice.civil_orders",
                "S1",
                "case_ref",
                "K1",
                "order_no",
                1L,
                "order_type",
                "non_molestation_order",
                "order_outcome",
                "granted",
                "order_breached",
                "yes")
            .row(
                "civil_justice.civil_orders",
                "S1",
                "case_ref",
                "K1",
                "order_no",
                2L,
                "order_type",
                "occupation_order",
                "order_outcome",
                "applied_for")
            .row(
                "civil_justice.civil_orders",
                "S1",
                "case_ref",
                "K2",
                "order_no",
                1L,
                "order_type",
                "non_molestation_order",
                "order_outcome",
                "granted");
    TableResult t = Shipped.table(s, "civil_orders");
    assertThat(t.n()).containsEntry("2023.Granted", 2L);
    // 2 non-molestation orders granted of 2 civil clients = 100%; 1 breached = 50%
    assertThat(row(t, "Non-molestation order"))
        .containsEntry("2023.Granted.count", 2L)
        .containsEntry("2023.Granted.pct", 100)
        .containsEntry("2023.Breached.count", 1L)
        .containsEntry("2023.Breached.pct", 50)
        .containsEntry("2023.Applied for.count", 0L);
    assertThat(row(t, "Occupation order with power of arrest"))
        .containsEntry("2023.Applied for.count", 1L);
  }

  /** Three exits whose intakes said together, together, apart; at exit apart, apart, together. */
  private static CaseSet pairs() {
    return new CaseSet()
        .intake(
            "S1",
            "K1",
            "C1",
            "2022-01-10",
            "living_arrangement",
            "living_together",
            "dash_ticks",
            12L,
            "perpetrator_relationship",
            "current_intimate_partner")
        .intake(
            "S1",
            "K2",
            "C2",
            "2022-05-01",
            "living_arrangement",
            "living_together",
            "dash_ticks",
            4L,
            "perpetrator_relationship",
            "current_intimate_partner")
        .intake(
            "S1",
            "K3",
            "C3",
            "2022-05-01",
            "living_arrangement",
            "not_living_together",
            "dash_ticks",
            7L,
            "perpetrator_relationship",
            "ex_intimate_partner")
        .exit(
            "S1",
            "K1",
            "2022-06-01",
            "living_arrangement",
            "not_living_together",
            "dash_ticks",
            3L,
            "perpetrator_relationship",
            "ex_intimate_partner")
        .exit(
            "S1",
            "K2",
            "2022-09-01",
            "living_arrangement",
            "not_living_together",
            "dash_ticks",
            4L,
            "perpetrator_relationship",
            "current_intimate_partner")
        .exit(
            "S1",
            "K3",
            "2022-09-01",
            "living_arrangement",
            "living_together",
            "dash_ticks",
            11L,
            "perpetrator_relationship",
            "current_intimate_partner");
  }

  @Test
  void intakeVersusExitPairOnTheExitCohort() {
    TableResult t = Shipped.table(pairs(), "living_arrangement_intake_exit");
    // K1's intake is from the 2022 year but its exit is 2023: it is in the cohort
    assertThat(t.n()).containsEntry("2023.Intake", 3L).containsEntry("2023.Exit", 3L);
    assertThat(row(t, "Living together"))
        .containsEntry("2023.Intake.count", 2L)
        .containsEntry("2023.Intake.pct", 67)
        .containsEntry("2023.Exit.count", 1L)
        .containsEntry("2023.Exit.pct", 33);
  }

  @Test
  void dashBandsAtIntakeAndExitAndCasesWhoseScoreReduced() {
    TableResult t = Shipped.table(pairs(), "dash_ticks_intake_exit");
    // intake 12, 4, 7 ; exit 3, 4, 11: reduced only K1 (12 -> 3)
    assertThat(row(t, "High Risk (10+)"))
        .containsEntry("2023.Intake.count", 1L)
        .containsEntry("2023.Exit.count", 1L);
    assertThat(row(t, "Standard Risk (1 - 5)")).containsEntry("2023.Exit.count", 2L);
    assertThat(row(t, "Cases where Dash score reduced between Intake and Exit"))
        .containsEntry("2023.Intake to Exit.count", 1L)
        .containsEntry("2023.Intake to Exit.pct", 33)
        .doesNotContainKey("2023.Intake.count");
    assertThat(t.columns()).contains("2023.Intake to Exit.count", "2022.Intake to Exit.pct");
  }

  @Test
  void relationshipChangeIsAShareOfThoseInTheStartingRelationship() {
    TableResult t = Shipped.table(pairs(), "relationship_change");
    // current partner at intake: K1, K2; K1 became ex = 1 of 2 = 50%
    assertThat(row(t, "Current intimate partner to ex-intimate partner"))
        .containsEntry("2023.count", 1L)
        .containsEntry("2023.pct", 50);
    // ex at intake: K3, became current: 1 of 1
    assertThat(row(t, "Ex-intimate partner to current intimate partner"))
        .containsEntry("2023.pct", 100);
  }

  @Test
  void changeInLevelsOfAbuseReducedUnchangedIncreasedAndHighToNone() {
    CaseSet s = new CaseSet();
    String[][] levels = {
      {"high", "none"},
      {"moderate", "moderate"},
      {"standard", "high"},
      {"none", "none"},
      {"high", "standard"},
      {"none", "moderate"}, // no abuse at intake, abuse at exit: Increased
      {"high", "dont_know"}, // exit level not known: in no base
      {"dont_know", "high"} // intake level not known: in no row's base
    };
    for (int i = 0; i < levels.length; i++) {
      s.intake("S1", "K" + i, "C" + i, "2022-05-01", "abuse_level_physical", levels[i][0]);
      s.exit("S1", "K" + i, "2022-10-01", "abuse_level_physical", levels[i][1]);
    }
    TableResult t = Shipped.table(s, "abuse_level_change");
    // n: the exits whose physical level is known at exit (all but the Don't know one)
    assertThat(t.n()).containsEntry("2023.Physical", 7L);
    // base: physical abuse at intake and a known exit level = 4 (K0, K1, K2, K4)
    assertThat(row(t, "Reduced from Intake to Exit"))
        .containsEntry("2023.Physical.count", 2L)
        .containsEntry("2023.Physical.pct", 50);
    // high at intake with a known exit level: 2 (K0, K4), of which 1 ended at none
    assertThat(row(t, "Reduced from High to None")).containsEntry("2023.Physical.pct", 50);
    assertThat(row(t, "Reduced to None")).containsEntry("2023.Physical.pct", 25);
    assertThat(row(t, "Unchanged from Intake to Exit"))
        .containsEntry("2023.Physical.count", 1L)
        .containsEntry("2023.Physical.pct", 25);
    // K2 (standard to high) and K5 (none to moderate) of the 6 with both levels known
    assertThat(row(t, "Increased from Intake to Exit"))
        .containsEntry("2023.Physical.count", 2L)
        .containsEntry("2023.Physical.pct", 33);
    assertThat(row(t, "Reduced from Intake to Exit")).containsEntry("2023.Sexual.count", 0L);
  }

  @Test
  void multipleTypesAtIntakeCountSevenTypesAsTheIntakeTableDoesTheExitFour() {
    CaseSet s = new CaseSet();
    // K0: physical and forced marriage at intake (two of seven types), physical only at exit
    s.intake(
        "S1",
        "K0",
        "C0",
        "2022-05-01",
        "abuse_level_physical",
        "high",
        "abuse_forced_marriage",
        "yes");
    s.exit("S1", "K0", "2022-10-01", "abuse_level_physical", "standard");
    // K1: physical and sexual at intake and at exit
    s.intake(
        "S1",
        "K1",
        "C1",
        "2022-05-01",
        "abuse_level_physical",
        "moderate",
        "abuse_level_sexual",
        "standard");
    s.exit(
        "S1",
        "K1",
        "2022-10-01",
        "abuse_level_physical",
        "moderate",
        "abuse_level_sexual",
        "standard");
    TableResult pair = Shipped.table(s, "multiple_abuse_types_intake_exit");
    TableResult intake = Shipped.table(s, "multiple_abuse_types_intake");
    String multiple = "Clients experiencing multiple types of abuse";
    assertThat(row(intake, multiple)).containsEntry("2023.count", 2L);
    assertThat(row(pair, multiple))
        .containsEntry("2023.Intake.count", row(intake, multiple).get("2023.count"))
        .containsEntry("2023.Exit.count", 1L);
  }

  @Test
  void reviewPointMedianLeavesOutAReviewDatedBeforeItsIntake() {
    CaseSet s = new CaseSet();
    String[][] cases = { // intake date, review date
      {"2022-05-01", "2022-05-11"}, // 10 days
      {"2022-05-01", "2022-05-31"}, // 30 days
      {"2022-06-01", "2022-05-20"} // a review dated before its intake: a slip, left out
    };
    for (int i = 0; i < cases.length; i++) {
      s.intake("S1", "K" + i, "C" + i, cases[i][0]);
      s.row("review", "S1", "case_ref", "K" + i, "review_date", LocalDate.parse(cases[i][1]));
      s.exit("S1", "K" + i, "2022-10-01");
    }
    TableResult t = Shipped.table(s, "review_point");
    // the median of 10 and 30 (with the slip's -12 days it would be 10)
    assertThat(
            row(t, "Average length of time from case opened to last review point (median)")
                .get("2023.value")
                .toString())
        .startsWith("20");
  }
}
