package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.idva.insights.report.CaseSet.ticks;
import static org.idva.insights.report.Tables.row;

import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/** Averages and medians with their units, and numeric bands. */
class StatMeasureTest {

  @Test
  void averageAgeWithBandsAndBlankAgesLeftOutOfTheMean() {
    CaseSet s =
        new CaseSet()
            .intake("S1", "K1", "C1", "2022-05-01", "client_age", 17L)
            .intake("S1", "K2", "C2", "2022-05-01", "client_age", 30L)
            .intake("S1", "K3", "C3", "2022-05-01", "client_age", 36L)
            .intake("S1", "K4", "C4", "2022-05-01");
    TableResult t =
        Tables.compute(
            s,
            2023,
            "{'base':'unique_clients','field':'intake.client_age','rows':["
                + "{'label':'<18','bands':{'max':17}},{'label':'21-30','bands':{'min':21,'max':30}},"
                + "{'label':'31-40','bands':{'min':31,'max':40}},{'label':'Missing','kind':'missing'},"
                + "{'label':'Average age','stat':'mean'}]}");
    assertThat(row(t, "<18")).containsEntry("2023.count", 1L).containsEntry("2023.pct", 25);
    assertThat(row(t, "Missing")).containsEntry("2023.count", 1L);
    // (17 + 30 + 36) / 3 = 27.67 -> 28
    assertThat(row(t, "Average age")).containsEntry("2023.value", 28L);
    assertThat(t.rows().get(4).kind()).isEqualTo("average");
    assertThat(t.columns()).contains("2023.value", "2022.value");
  }

  @Test
  void averageNumberOfTicksWithOneDecimalAndFourOrMore() {
    CaseSet s =
        new CaseSet()
            .intake(
                "S1",
                "K1",
                "C1",
                "2022-05-01",
                "ace_experienced",
                "yes",
                "ace_types",
                ticks("verbal_abuse"))
            .intake(
                "S1",
                "K2",
                "C2",
                "2022-05-01",
                "ace_experienced",
                "yes",
                "ace_types",
                ticks("verbal_abuse", "sexual_abuse", "drug_abuse", "mental_illness"))
            .intake(
                "S1",
                "K3",
                "C3",
                "2022-05-01",
                "ace_experienced",
                "yes",
                "ace_types",
                ticks("verbal_abuse", "alcohol_abuse"))
            .intake("S1", "K4", "C4", "2022-05-01", "ace_experienced", "no");
    TableResult t =
        Tables.compute(
            s,
            2023,
            "{'base':'intake_cases','measure':'multi','field':'intake.ace_types',"
                + "'filter':{'field':'intake.ace_experienced','code':'yes'},'rows':["
                + "{'label':'Verbal abuse','code':'verbal_abuse'},"
                + "{'label':'Average number experienced','stat':'mean','decimals':1,"
                + "'value':'intake.ace_types'},"
                + "{'label':'Number experiencing four or more','kind':'other',"
                + "'where':{'field':'intake.ace_types','ticks_min':4}}]}");
    assertThat(t.n()).containsEntry("2023", 3L);
    assertThat(row(t, "Verbal abuse"))
        .containsEntry("2023.count", 3L)
        .containsEntry("2023.pct", 100);
    // (1 + 4 + 2) / 3 = 2.33 -> 2.3
    assertThat(row(t, "Average number experienced")).containsEntry("2023.value", 2.3);
    assertThat(row(t, "Number experiencing four or more"))
        .containsEntry("2023.count", 1L)
        .containsEntry("2023.pct", 33);
  }

  @Test
  void lengthOfAbuseInYearsAndMonths() {
    CaseSet s =
        new CaseSet()
            .intake("S1", "K1", "C1", "2022-05-01", "abuse_length_months", 24L)
            .intake("S1", "K2", "C2", "2022-05-01", "abuse_length_months", 27L)
            .intake("S1", "K3", "C3", "2022-05-01", "abuse_length_months", 36L);
    TableResult t =
        Tables.compute(
            s,
            2023,
            "{'base':'intake_cases','field':'intake.abuse_length_months','rows':["
                + "{'label':'Average length of abuse','stat':'mean','format':'years_months'}]}");
    // (24 + 27 + 36) / 3 = 29 months = 2 years 5 months
    assertThat(row(t, "Average length of abuse")).containsEntry("2023.value", "2 years 5 months");
    assertThat(StatFormat.yearsMonths(36)).isEqualTo("3 years");
    assertThat(StatFormat.yearsMonths(13)).isEqualTo("1 year 1 month");
  }

  @Test
  void medianCaseLengthInWeeksAndBandsInWholeMonths() {
    CaseSet s =
        new CaseSet()
            .intake("S1", "K1", "C1", "2022-04-01")
            .intake("S1", "K2", "C2", "2022-04-01")
            .intake("S1", "K3", "C3", "2022-04-01")
            .intake("S1", "K4", "C4", "2022-06-01")
            .intake("S1", "K5", "C5", "2022-06-10")
            .exit("S1", "K1", "2022-04-15") // 14 days, 0 months
            .exit("S1", "K2", "2022-06-10") // 70 days, 2 months
            .exit("S1", "K3", "2022-12-01") // 244 days, 8 months
            .exit("S1", "K4", "2022-05-01") // before intake: error
            .exit("S1", "K5", "2022-06-01"); // 9 days before intake: an error, not "0 months"
    TableResult t =
        Tables.compute(
            s,
            2023,
            "{'base':'exit_cases','value':{'months_between':['intake.intake_date','exit.exit_date']},"
                + "'rows':[{'label':'0 - 1 month','bands':{'min':0,'max':1}},"
                + "{'label':'8 months +','bands':{'min':8}},"
                + "{'label':'Median','stat':'median','divide_by':7,'unit':'weeks','format':'unit',"
                + "'value':{'days_between':['intake.intake_date','exit.exit_date']},"
                + "'where':{'compare':['intake.intake_date','exit.exit_date'],'op':'le'}},"
                + "{'label':'Errors','kind':'missing',"
                + "'where':{'compare':['exit.exit_date','intake.intake_date'],'op':'lt'}}]}");
    assertThat(row(t, "0 - 1 month")).containsEntry("2023.count", 1L).containsEntry("2023.pct", 20);
    assertThat(row(t, "8 months +")).containsEntry("2023.count", 1L);
    // median of 14, 70, 244 days = 70 days = 10 weeks
    assertThat(row(t, "Median")).containsEntry("2023.value", "10 weeks");
    assertThat(row(t, "Errors")).containsEntry("2023.count", 2L);
  }

  @Test
  void wholeMonthsRoundDownAndAreNegativeBeforeTheStart() {
    java.time.LocalDate d = java.time.LocalDate.parse("2022-06-10");
    assertThat(Expressions.monthsBetween(d, d)).isZero();
    assertThat(Expressions.monthsBetween(d, d.plusDays(29))).isZero();
    assertThat(Expressions.monthsBetween(d, d.plusMonths(1))).isEqualTo(1);
    assertThat(Expressions.monthsBetween(d, d.minusDays(1))).isEqualTo(-1);
    assertThat(Expressions.monthsBetween(d, d.minusMonths(1))).isEqualTo(-1);
    assertThat(Expressions.monthsBetween(d, d.minusMonths(1).minusDays(1))).isEqualTo(-2);
  }

  @Test
  void medianDaysFromIntakeToTheLastReviewOverExitsWithAReview() {
    CaseSet s =
        new CaseSet()
            .intake("S1", "K1", "C1", "2022-04-01")
            .intake("S1", "K2", "C2", "2022-04-01")
            .intake("S1", "K3", "C3", "2022-04-01")
            .row(
                "review",
                "S1",
                "case_ref",
                "K1",
                "review_date",
                java.time.LocalDate.parse("2022-04-11"))
            .row(
                "review",
                "S1",
                "case_ref",
                "K1",
                "review_date",
                java.time.LocalDate.parse("2022-05-01"))
            .row(
                "review",
                "S1",
                "case_ref",
                "K2",
                "review_date",
                java.time.LocalDate.parse("2022-07-10"))
            .exit("S1", "K1", "2022-09-01")
            .exit("S1", "K2", "2022-09-01")
            .exit("S1", "K3", "2022-09-01");
    TableResult t =
        Tables.compute(
            s,
            2023,
            "{'base':'exit_cases','rows':["
                + "{'label':'Yes','where':{'has':'review'}},"
                + "{'label':'No','where':{'not':{'has':'review'}}},"
                + "{'label':'Median days','stat':'median','decimals':1,'unit':'days','format':'unit',"
                + "'value':{'days_between':['intake.intake_date','review.review_date']}}]}");
    assertThat(row(t, "Yes")).containsEntry("2023.count", 2L).containsEntry("2023.pct", 67);
    assertThat(row(t, "No")).containsEntry("2023.count", 1L);
    // K1's last review: 30 days; K2: 100 days; median (30 + 100) / 2 = 65
    assertThat(row(t, "Median days")).containsEntry("2023.value", "65 days");
  }
}
