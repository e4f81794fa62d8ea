package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.idva.insights.report.Tables.row;

import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/** The populations: intake cases, unique clients, exit cases, children, justice rows. */
class BaseMeasureTest {

  /**
   * S1: client C1 has two intakes in 2023 (K1 in May: disability no, K2 in November: yes); C2 one
   * (K3, dont_know). S2 also has a client "C1" (K9, yes): another service's client, not the same
   * person. K0 is C2's intake of March 2022 (year 2022), exited in June 2022 (year 2023).
   */
  private static CaseSet cases() {
    return new CaseSet()
        .intake("S1", "K0", "C2", "2022-03-10", "disability", "no")
        .intake("S1", "K1", "C1", "2022-05-01", "disability", "no")
        .intake("S1", "K2", "C1", "2022-11-01", "disability", "yes")
        .intake("S1", "K3", "C2", "2022-07-01", "disability", "dont_know")
        .intake("S2", "K9", "C1", "2022-07-01", "disability", "yes")
        .exit("S1", "K0", "2022-06-01", "living_arrangement", "not_living_together")
        .exit("S1", "K1", "2023-02-01", "living_arrangement", "living_together")
        .exit("S1", "KX", "2022-08-01", "living_arrangement", "living_together") // no intake
        .exit("S2", "K1", "2022-08-01", "living_arrangement", "dont_know"); // no S2 intake K1
  }

  @Test
  void uniqueClientsKeepTheLatestIntakePerServiceAndClient() {
    TableResult t =
        Tables.compute(cases(), 2023, "{'base':'unique_clients','field':'intake.disability'}");
    // S1/C1 -> K2 (yes), S1/C2 -> K3 (dont_know; K0 is year 2022), S2/C1 -> K9 (yes)
    assertThat(t.n()).containsEntry("2023", 3L);
    assertThat(row(t, "Yes")).containsEntry("2023.count", 2L).containsEntry("2023.pct", 67);
    assertThat(row(t, "No")).containsEntry("2023.count", 0L);
    assertThat(row(t, "Don't know")).containsEntry("2023.count", 1L);
    TableResult cases =
        Tables.compute(cases(), 2023, "{'base':'intake_cases','field':'intake.disability'}");
    assertThat(cases.n()).containsEntry("2023", 4L).containsEntry("2022", 1L);
  }

  @Test
  void exitCasesAreDatedByExitAndMatchedToAnIntakeOfTheSameServiceFromAnyYear() {
    TableResult t =
        Tables.compute(cases(), 2023, "{'base':'exit_cases','field':'exit.living_arrangement'}");
    // K0 (intake 2022, exit 2023) and K1 count; KX and S2/K1 have no intake
    assertThat(t.n()).containsEntry("2023", 2L);
    assertThat(row(t, "Living together")).containsEntry("2023.count", 1L);
    assertThat(row(t, "Not living together")).containsEntry("2023.count", 1L);
    // an exit reads its own intake's answers: K0 no, K1 no
    TableResult intakeSide =
        Tables.compute(cases(), 2023, "{'base':'exit_cases','field':'intake.disability'}");
    assertThat(row(intakeSide, "No"))
        .containsEntry("2023.count", 2L)
        .containsEntry("2023.pct", 100);
  }

  @Test
  void childrenCountOncePerChildOfTheYearsIntakeCases() {
    CaseSet s =
        cases()
            .row("intake.children", "S1", "case_ref", "K2", "child_no", 1L, "age_band", "age_1_3")
            .row("intake.children", "S1", "case_ref", "K2", "child_no", 2L, "age_band", "age_4_11")
            .row("intake.children", "S1", "case_ref", "K1", "child_no", 1L, "age_band", "age_1_3")
            .row("intake.children", "S2", "case_ref", "K9", "child_no", 1L);
    TableResult t =
        Tables.compute(s, 2023, "{'base':'children','field':'intake.children.age_band'}");
    // every intake case of the year lists its own children (K1 too, although it is not the
    // client's kept intake): K2 x2 + K1 x1 + K9 x1
    assertThat(t.n()).containsEntry("2023", 4L);
    assertThat(row(t, "1 - 3 years")).containsEntry("2023.count", 2L).containsEntry("2023.pct", 50);
    assertThat(row(t, "Missing")).containsEntry("2023.count", 1L);
  }

  @Test
  void policeReportsAndIncidentsBelongToTheYearOfTheCasesExit() {
    CaseSet s =
        cases()
            .row("criminal_justice", "S1", "case_ref", "K1")
            .row("criminal_justice", "S1", "case_ref", "K3") // K3 has no exit: not counted
            .row(
                "criminal_justice.police_reports",
                "S1",
                "case_ref",
                "K1",
                "report_no",
                1L,
                "report_timing",
                "before")
            .row(
                "criminal_justice.police_reports",
                "S1",
                "case_ref",
                "K1",
                "report_no",
                2L,
                "report_timing",
                "after")
            .row(
                "criminal_justice.police_reports",
                "S1",
                "case_ref",
                "K3",
                "report_no",
                1L,
                "report_timing",
                "after")
            .row(
                "criminal_justice.incidents",
                "S1",
                "case_ref",
                "K1",
                "report_no",
                1L,
                "incident_no",
                1L,
                "consequence",
                "charged")
            .row(
                "criminal_justice.incidents",
                "S1",
                "case_ref",
                "K1",
                "report_no",
                1L,
                "incident_no",
                2L,
                "consequence",
                "pled_guilty")
            .row(
                "criminal_justice.incidents",
                "S1",
                "case_ref",
                "K1",
                "report_no",
                2L,
                "incident_no",
                1L,
                "consequence",
                "charged");
    TableResult reports =
        Tables.compute(
            s,
            2023,
            "{'base':'police_reports','field':'criminal_justice.police_reports.report_timing'}");
    assertThat(reports.n()).containsEntry("2023", 2L);
    assertThat(row(reports, "After engagement with service")).containsEntry("2023.count", 1L);
    TableResult incidents =
        Tables.compute(
            s, 2023, "{'base':'incidents','field':'criminal_justice.incidents.consequence'}");
    assertThat(incidents.n()).containsEntry("2023", 3L);
    assertThat(row(incidents, "Charged"))
        .containsEntry("2023.count", 2L)
        .containsEntry("2023.pct", 67);
    TableResult perCase =
        Tables.compute(
            s,
            2023,
            "{'base':'criminal_justice_cases','rows':["
                + "{'label':'Reports per case','stat':'mean','decimals':1,"
                + "'value':{'rows':'criminal_justice.police_reports'}}]}");
    assertThat(row(perCase, "Reports per case")).containsEntry("2023.value", 2.0);
    TableResult perReport =
        Tables.compute(
            s,
            2023,
            "{'base':'police_reports','rows':["
                + "{'label':'Incidents per report','stat':'mean','decimals':1,"
                + "'value':{'rows':'criminal_justice.incidents'}}]}");
    // report 1 has 2 incidents, report 2 has 1: 1.5
    assertThat(row(perReport, "Incidents per report")).containsEntry("2023.value", 1.5);
  }
}
