package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.idva.insights.report.CaseSet.ticks;
import static org.idva.insights.report.Tables.row;

import java.util.Map;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/** Single- and multi-select counts on hand-made case sets; expected values worked by hand. */
class SingleMultiMeasureTest {

  /**
   * Reporting year 2023 (April 2022 - March 2023): five intakes in S1, one in March 2022 (year
   * 2022) and one in April 2023 (year 2024) outside it. Orientation: het, het, bisexual, dont_know,
   * blank. 2022: one lesbian.
   */
  private static CaseSet orientations() {
    return new CaseSet()
        .intake("S1", "K1", "C1", "2022-04-01", "sexual_orientation", "heterosexual")
        .intake("S1", "K2", "C2", "2022-09-30", "sexual_orientation", "heterosexual")
        .intake("S1", "K3", "C3", "2023-01-15", "sexual_orientation", "bisexual")
        .intake("S1", "K4", "C4", "2023-03-31", "sexual_orientation", "dont_know")
        .intake("S2", "K5", "C5", "2022-12-01")
        .intake("S1", "K6", "C6", "2022-03-31", "sexual_orientation", "lesbian")
        .intake("S1", "K7", "C7", "2023-04-01", "sexual_orientation", "heterosexual");
  }

  @Test
  void singleSelectRowsAreTheCodeListPlusMissingWithDontKnowAsAnAnswer() {
    TableResult t =
        Tables.compute(
            orientations(),
            2023,
            "{'base':'intake_cases','measure':'single','field':'intake.sexual_orientation'}");
    assertThat(t.n()).containsEntry("2023", 5L).containsEntry("2022", 1L).containsEntry("2021", 0L);
    // 2 of 5 = 40%; 1 of 5 = 20%
    assertThat(row(t, "Heterosexual"))
        .containsEntry("2023.count", 2L)
        .containsEntry("2023.pct", 40);
    assertThat(row(t, "Bisexual")).containsEntry("2023.count", 1L).containsEntry("2023.pct", 20);
    assertThat(row(t, "Don't know")).containsEntry("2023.count", 1L);
    assertThat(row(t, "Missing")).containsEntry("2023.count", 1L).containsEntry("2023.pct", 20);
    assertThat(row(t, "Lesbian"))
        .containsEntry("2023.count", 0L)
        .containsEntry("2022.pct", 100)
        .doesNotContainKey("2021.pct"); // no 2021 cases: no percentage
    assertThat(t.rows()).hasSize(8 + 0); // 7 codes + Missing
    assertThat(t.columns()).startsWith("2023.count", "2023.pct", "2022.pct", "2021.pct");
  }

  @Test
  void subtotalRowCountsSeveralCodesAndIndentIsKept() {
    TableResult t =
        Tables.compute(
            orientations()
                .intake("S1", "K8", "C8", "2022-06-01", "sexual_orientation", "gay")
                .intake("S1", "K9", "C9", "2022-06-02", "sexual_orientation", "gay"),
            2023,
            "{'base':'intake_cases','field':'intake.sexual_orientation','rows':["
                + "{'label':'Heterosexual','code':'heterosexual'},"
                + "{'label':'Total LBG+','codes':['bisexual','gay','lesbian','other'],'kind':'subtotal'},"
                + "{'label':'Gay','code':'gay','indent':1},"
                + "{'label':'Missing','kind':'missing'}]}");
    // 7 cases: het 2, bi 1, gay 2 -> LGB+ 3 of 7 = 42.86% -> 43
    assertThat(row(t, "Total LBG+")).containsEntry("2023.count", 3L).containsEntry("2023.pct", 43);
    assertThat(t.rows().get(1).kind()).isEqualTo("subtotal");
    assertThat(t.rows().get(2).indent()).isEqualTo(1);
    // 1 missing of 7 = 14.29 -> 14
    assertThat(row(t, "Missing")).containsEntry("2023.pct", 14);
  }

  @Test
  void percentagesRoundHalfUpFromUnroundedCounts() {
    // 1 of 8 = 12.5% -> 13; 3 of 8 = 37.5% -> 38
    CaseSet s = new CaseSet();
    for (int i = 0; i < 8; i++) {
      s.intake(
          "S1",
          "K" + i,
          "C" + i,
          "2022-05-01",
          "disability",
          i < 1 ? "yes" : i < 4 ? "no" : "dont_know");
    }
    TableResult t = Tables.compute(s, 2023, "{'base':'intake_cases','field':'intake.disability'}");
    assertThat(row(t, "Yes")).containsEntry("2023.pct", 13);
    assertThat(row(t, "No")).containsEntry("2023.pct", 38);
    assertThat(row(t, "Don't know")).containsEntry("2023.pct", 50);
  }

  @Test
  void multiSelectGivesEachOptionsShareOfTheBaseNotSummingTo100() {
    CaseSet s =
        new CaseSet()
            .intake(
                "S1", "K1", "C1", "2022-05-01", "employment", ticks("part_time", "volunteering"))
            .intake("S1", "K2", "C2", "2022-05-02", "employment", ticks("part_time"))
            .intake("S1", "K3", "C3", "2022-05-03", "employment", ticks("unemployed"))
            .intake("S1", "K4", "C4", "2022-05-04");
    TableResult t =
        Tables.compute(
            s, 2023, "{'base':'intake_cases','measure':'multi','field':'intake.employment'}");
    assertThat(row(t, "Part-time employment"))
        .containsEntry("2023.count", 2L)
        .containsEntry("2023.pct", 50);
    assertThat(row(t, "Volunteering"))
        .containsEntry("2023.count", 1L)
        .containsEntry("2023.pct", 25);
    assertThat(row(t, "Unemployed")).containsEntry("2023.pct", 25);
    assertThat(row(t, "Missing")).containsEntry("2023.count", 1L).containsEntry("2023.pct", 25);
    long sum =
        t.rows().stream().mapToLong(r -> (Long) r.values().getOrDefault("2023.count", 0L)).sum();
    assertThat(sum).isEqualTo(5); // more than n = 4
  }

  @Test
  void percentOfAnsweredLeavesMissingOutOfTheBase() {
    CaseSet s =
        new CaseSet()
            .intake("S1", "K1", "C1", "2022-05-01", "employment", ticks("part_time"))
            .intake("S1", "K2", "C2", "2022-05-02", "employment", ticks("unemployed"))
            .intake("S1", "K3", "C3", "2022-05-03");
    TableResult t =
        Tables.compute(
            s,
            2023,
            "{'base':'intake_cases','measure':'multi','field':'intake.employment',"
                + "'percent_of':'answered'}");
    assertThat(row(t, "Part-time employment"))
        .containsEntry("2023.count", 1L)
        .containsEntry("2023.pct", 50);
    // Missing apart: 1 of all 3 cases; n is the whole base
    assertThat(row(t, "Missing")).containsEntry("2023.count", 1L).containsEntry("2023.pct", 33);
    assertThat(t.n()).containsEntry("2023", 3L);
  }

  @Test
  void subPopulationFilterNarrowsTheBase() {
    CaseSet s =
        new CaseSet()
            .intake(
                "S1",
                "K1",
                "C1",
                "2022-05-01",
                "disability",
                "yes",
                "disability_type",
                ticks("physical", "frailty"))
            .intake(
                "S1",
                "K2",
                "C2",
                "2022-05-02",
                "disability",
                "yes",
                "disability_type",
                ticks("physical"))
            .intake("S1", "K3", "C3", "2022-05-03", "disability", "yes")
            .intake("S1", "K4", "C4", "2022-05-04", "disability", "no");
    TableResult t =
        Tables.compute(
            s,
            2023,
            "{'base':'intake_cases','measure':'multi','field':'intake.disability_type',"
                + "'filter':{'field':'intake.disability','in':['yes']}}");
    assertThat(t.n()).containsEntry("2023", 3L);
    // physical 2 of 3 = 66.7 -> 67; frailty 1 of 3 = 33; missing 1 of 3
    assertThat(row(t, "Physical")).containsEntry("2023.count", 2L).containsEntry("2023.pct", 67);
    assertThat(row(t, "Frailty")).containsEntry("2023.pct", 33);
    assertThat(row(t, "Missing")).containsEntry("2023.count", 1L);
  }

  @Test
  void totalRowCountsTheWholeBase() {
    TableResult t =
        Tables.compute(
            orientations(),
            2023,
            "{'base':'intake_cases','field':'intake.sexual_orientation','rows':["
                + "{'label':'Heterosexual','code':'heterosexual'},{'label':'Total','kind':'total'}]}");
    assertThat(row(t, "Total"))
        .isEqualTo(Map.of("2023.count", 5L, "2023.pct", 100, "2022.pct", 100));
  }
}
