package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.idva.insights.report.CaseSet.ticks;
import static org.idva.insights.report.Tables.row;

import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/** Derived rows, the needs & support matrix, client-reported outcomes and headline figures. */
class DerivedMatrixHeadlineMeasureTest {

  @Test
  void multipleTypesAndHighSeverityAtIntake() {
    CaseSet s =
        new CaseSet()
            // physical high + sexual standard: multiple, one high
            .intake(
                "S1",
                "K1",
                "C1",
                "2022-05-01",
                "abuse_level_physical",
                "high",
                "abuse_level_sexual",
                "standard")
            // physical high + jealous high: multiple, multiple high
            .intake(
                "S1",
                "K2",
                "C2",
                "2022-05-01",
                "abuse_level_physical",
                "high",
                "abuse_level_jealous_controlling",
                "high")
            // physical moderate + forced marriage yes: multiple, no high
            .intake(
                "S1",
                "K3",
                "C3",
                "2022-05-01",
                "abuse_level_physical",
                "moderate",
                "abuse_forced_marriage",
                "yes")
            // sexual none + dont_know: nothing
            .intake(
                "S1",
                "K4",
                "C4",
                "2022-05-01",
                "abuse_level_sexual",
                "none",
                "abuse_level_physical",
                "dont_know");
    TableResult t = Shipped.table(s, "multiple_abuse_types_intake");
    assertThat(row(t, "Clients experiencing multiple types of abuse"))
        .containsEntry("2023.count", 3L)
        .containsEntry("2023.pct", 75);
    assertThat(row(t, "Clients experiencing multiple types of high severity abuse"))
        .containsEntry("2023.count", 1L);
    assertThat(row(t, "Clients experiencing at least one type of high severity abuse"))
        .containsEntry("2023.count", 2L)
        .containsEntry("2023.pct", 50);
  }

  @Test
  void escalationAnyTypeAndHighSeverityEscalating() {
    CaseSet s =
        new CaseSet()
            .intake("S1", "K1", "C1", "2022-05-01")
            .intake("S1", "K2", "C2", "2022-05-01")
            .intake("S1", "K3", "C3", "2022-05-01")
            .intake("S1", "K4", "C4", "2022-05-01")
            .exit(
                "S1",
                "K1",
                "2022-10-01",
                "abuse_escalation_physical",
                ticks("severity"),
                "abuse_level_physical",
                "high")
            .exit(
                "S1",
                "K2",
                "2022-10-01",
                "abuse_escalation_sexual",
                ticks("frequency"),
                "abuse_level_sexual",
                "moderate")
            .exit(
                "S1",
                "K3",
                "2022-10-01",
                "abuse_escalation_physical",
                ticks("not_escalating"),
                "abuse_level_physical",
                "high")
            .exit("S1", "K4", "2022-10-01");
    TableResult t = Shipped.table(s, "abuse_escalation");
    assertThat(row(t, "Any escalation in severity of abuse")).containsEntry("2023.count", 1L);
    assertThat(row(t, "Any escalation in frequency of abuse")).containsEntry("2023.count", 1L);
    assertThat(row(t, "Any escalation in severity or frequency of abuse"))
        .containsEntry("2023.count", 2L)
        .containsEntry("2023.pct", 50);
    assertThat(
            row(
                t,
                "At least one form of high severity abuse which is escalating in frequency or severity"))
        .containsEntry("2023.count", 1L)
        .containsEntry("2023.pct", 25);
  }

  @Test
  void needsAndSupportMatrixBasesEachColumnOnThePreviousOne() {
    CaseSet s = new CaseSet();
    // four exits: housing need yes/yes/no/blank; supported yes/no/yes/no; safety impact improved
    // for K0
    String[] need = {"yes", "yes", "no", null};
    String[] support = {"yes", "no", "yes", "no"};
    for (int i = 0; i < 4; i++) {
      s.intake("S1", "K" + i, "C" + i, "2022-05-01", "need_housing", need[i]);
      s.exit(
          "S1",
          "K" + i,
          "2022-10-01",
          "support_housing",
          support[i],
          "support_housing_impact_safety",
          i == 0 ? "improved_slightly" : i == 2 ? "no_change" : null,
          "support_safety",
          i < 3 ? "yes" : "no",
          "support_safety_impact_wellbeing",
          i == 1 ? "improved_greatly" : null);
    }
    TableResult t = Shipped.table(s, "needs_support_matrix");
    // Housing: need 2 of 4 = 50%; supported among those with the need 1 of 2 = 50%;
    // improved safety among those supported (K0, K2) 1 of 2 = 50%
    assertThat(row(t, "Housing"))
        .containsEntry("2023.Clients identified with needs.count", 2L)
        .containsEntry("2023.Clients identified with needs.pct", 50)
        .containsEntry("2023.Support provided.count", 1L)
        .containsEntry("2023.Support provided.pct", 50)
        .containsEntry("2023.Improved safety.count", 1L)
        .containsEntry("2023.Improved safety.pct", 50);
    // Safety has no need question: no need cell; support is a share of all 4 exits (3 = 75%)
    assertThat(row(t, "Safety"))
        .doesNotContainKey("2023.Clients identified with needs.count")
        .containsEntry("2023.Support provided.pct", 75)
        .containsEntry("2023.Improved wellbeing.count", 1L)
        .containsEntry("2023.Improved wellbeing.pct", 33);
    assertThat(t.n()).containsEntry("2023.Clients identified with needs", 4L);
  }

  @Test
  void clientReportedOutcomesHaveTheirOwnNPerColumnAndMissingApart() {
    CaseSet s = new CaseSet();
    String[] safer = {"agree", "strongly_agree", "disagree", null, null};
    String[] wellbeing = {"agree", null, null, null, null};
    for (int i = 0; i < 5; i++) {
      s.intake("S1", "K" + i, "C" + i, "2022-05-01");
      s.exit(
          "S1", "K" + i, "2022-10-01", "feel_safer", safer[i], "improved_wellbeing", wellbeing[i]);
    }
    TableResult t = Shipped.table(s, "client_reported_outcomes");
    assertThat(t.n())
        .containsEntry("2023.Feel safer", 3L)
        .containsEntry("2023.Improved wellbeing", 1L);
    // Total Agree: feel safer 2 of 3 answered = 67%; wellbeing 1 of 1
    assertThat(row(t, "Total Agree"))
        .containsEntry("2023.Feel safer.count", 2L)
        .containsEntry("2023.Feel safer.pct", 67)
        .containsEntry("2023.Improved wellbeing.pct", 100);
    TableResult missing = Shipped.table(s, "client_reported_outcomes_missing");
    // missing is a share of all 5 exits: 2 (40%) and 4 (80%)
    assertThat(row(missing, "Missing"))
        .containsEntry("2023.Feel safer.count", 2L)
        .containsEntry("2023.Feel safer.pct", 40)
        .containsEntry("2023.Improved wellbeing.pct", 80);
  }

  @Test
  void headlineAndServiceOf100Figures() {
    CaseSet s =
        new CaseSet()
            .intake("S1", "K1", "C1", "2022-05-01", "disability", "yes", "children_involved", 2L)
            .intake("S1", "K2", "C1", "2022-06-01", "disability", "no", "children_involved", 1L)
            .intake("S2", "K3", "C3", "2022-05-01", "disability", "yes")
            .intake("S3", "K4", "C4", "2021-05-01")
            .row("intake.children", "S1", "case_ref", "K2", "child_no", 1L)
            .row("intake.children", "S1", "case_ref", "K2", "child_no", 2L)
            .row("intake.children", "S1", "case_ref", "K2", "child_no", 3L)
            .exit("S1", "K1", "2022-10-01", "number_of_contacts", 10L)
            .exit("S2", "K3", "2022-10-02", "number_of_contacts", 15L);
    TableResult t = Shipped.table(s, "headline_figures");
    assertThat(row(t, "Cases opened")).isEqualTo(java.util.Map.of("2023.count", 3L));
    // figures on intake cases, exit cases, unique clients...: the intake n is not theirs, so no n
    assertThat(t.n()).isEmpty();
    assertThat(t.population())
        .startsWith("each figure on its own base: ")
        .contains("intake cases")
        .contains("exit cases")
        .contains("unique clients");
    assertThat(row(t, "Idva services in the dataset")).containsEntry("2023.count", 2L);
    assertThat(row(t, "Intake forms"))
        .containsEntry("2023.count", 3L)
        .containsEntry("2022.count", 1L)
        .containsEntry("2021.count", 0L);
    // unique clients S1/C1 (K2, no) and S2/C3 (yes): 1 of 2 = 50 per 100
    assertThat(row(t, "Will have a disability")).containsEntry("2023.per_100", 50);
    // 3 children of 2 unique clients = 150 per 100
    assertThat(row(t, "Children will be involved")).containsEntry("2023.per_100", 150);
    // median of 10 and 15 contacts = 12.5 -> 13
    assertThat(row(t, "Direct contacts received")).containsEntry("2023.value", 13L);
    assertThat(t.columns()).startsWith("2023.count", "2022.count", "2021.count", "2023.per_100");
  }
}
