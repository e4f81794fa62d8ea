package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/** The comparison rules, on a two-row seed and hand-written results. */
class SeedComparisonTest {
  private static final JsonNode SEED =
      Tables.json(
          "{'reporting_year':'2023','tables':[{'id':'t','n':{'2023':10,'2022':20},'rows':["
              + "{'label':'Yes','kind':'category','values':{'2023.count':4,'2023.pct':40,'2022.pct':50}},"
              + "{'label':'Average','kind':'average','values':{'2023.value':'15 weeks','2022.value':2.0}},"
              + "{'label':'Yes','kind':'other','values':{'2023.count':1}}]}]}");

  private static TableResult result(long count, int pct2022, Object value2022, long n) {
    Map<String, Object> yes = new LinkedHashMap<>();
    yes.put("2023.count", count);
    yes.put("2023.pct", 40);
    yes.put("2022.pct", pct2022);
    return new TableResult(
        "t",
        "S",
        "T",
        "p",
        List.of("2023.count", "2023.pct", "2022.pct"),
        Map.of("2023", n),
        List.of(
            new TableResult.Row("Yes", "category", 0, yes),
            new TableResult.Row(
                "Average", "average", 0, Map.of("2023.value", "15 weeks", "2022.value", value2022)),
            new TableResult.Row("Yes", "other", 0, Map.of("2023.count", 1L))));
  }

  @Test
  void reportingYearIsTheLatestYearLabel() throws Exception {
    assertThat(new SeedComparison(SeedTables.load(), Set.of()).reportingYear()).isEqualTo("2023");
    assertThat(SeedComparison.reportingYearOf(Tables.json("{'reporting_year':'2022-23'}")))
        .isEqualTo("2023");
    assertThat(SeedComparison.reportingYearOf(Tables.json("{'reporting_year':'2024'}")))
        .isEqualTo("2024");
  }

  @Test
  void matchingResultsHaveNoMismatch() {
    assertThat(new SeedComparison(SEED, Set.of()).compare(List.of(result(4, 51, 2.09, 10))))
        .isEmpty();
  }

  @Test
  void reportingYearCountsAndNAreExactEarlierPercentagesWithinOnePoint() {
    List<SeedComparison.Mismatch> m =
        new SeedComparison(SEED, Set.of()).compare(List.of(result(5, 52, 2.2, 11)));
    assertThat(m)
        .extracting(x -> x.column() + " " + x.rule())
        .containsExactly(
            "n.2023 n exact",
            "2023.count reporting year exact",
            "2022.pct earlier year % within 1 point",
            "2022.value earlier year value within 5%");
    assertThat(
            new SeedComparison(SEED, Set.of("t/*/2023.count", "t/*/n.2023", "t/Average"))
                .compare(List.of(result(5, 52, 2.2, 11))))
        .extracting(SeedComparison.Mismatch::column)
        .containsExactly("2022.pct");
  }

  @Test
  void missingTablesAndRowsAreReportedAndExclusionsSkipped() {
    assertThat(new SeedComparison(SEED, Set.of()).compare(List.of()))
        .extracting(SeedComparison.Mismatch::rule)
        .containsExactly("table not computed");
    TableResult noSecondYes =
        new TableResult(
            "t",
            "S",
            "T",
            "p",
            List.of(),
            Map.of("2023", 10L),
            result(4, 50, 2.0, 10).rows().subList(0, 2));
    assertThat(new SeedComparison(SEED, Set.of()).compare(List.of(noSecondYes)))
        .extracting(SeedComparison.Mismatch::rule)
        .containsExactly("row not computed");
    assertThat(new SeedComparison(SEED, Set.of("t/Yes")).compare(List.of(noSecondYes))).isEmpty();
    assertThat(new SeedComparison(SEED, Set.of("t")).compare(List.of())).isEmpty();
  }

  @Test
  void theSeedsFinancialYearNamesTheReportingYearByItsEnd() {
    assertThat(SeedComparison.endYear("2022-23")).isEqualTo("2023");
    assertThat(SeedComparison.endYear("2023")).isEqualTo("2023");
    ObjectNode seed = (ObjectNode) SEED.deepCopy();
    seed.put("reporting_year", "2022-23");
    List<SeedComparison.Mismatch> m =
        new SeedComparison(seed, Set.of()).compare(List.of(result(5, 51, 2.09, 10)));
    assertThat(m).extracting(SeedComparison.Mismatch::rule).contains("reporting year exact");
  }
}
