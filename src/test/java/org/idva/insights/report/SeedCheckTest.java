package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/**
 * The seed check of issue 6.4, run on case data realised from a hand-made seed-like expectation
 * ({@code src/test/resources/report/seed-like.json}). {@link #check} is the reusable part: given
 * the shipped sample returns' case data and the seed tables file it returns every mismatch.
 */
class SeedCheckTest {

  /** Computes every table of the expectation for its reporting year and compares. */
  static List<SeedComparison.Mismatch> check(CaseData data, JsonNode seed, Set<String> excluded) {
    SeedComparison comparison = new SeedComparison(seed, excluded);
    ReportEngine.Tabulation tab = new ReportEngine(Tables.SCHEMA, Tables.SHIPPED).load(data);
    List<String> ids = seed.findValues("id").stream().map(JsonNode::asText).toList();
    List<TableResult> results = tab.tables(Integer.parseInt(comparison.reportingYear()), ids);
    return comparison.compare(results);
  }

  private static JsonNode expectation() throws Exception {
    try (InputStream in = SeedCheckTest.class.getResourceAsStream("/report/seed-like.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void engineGivesBackEveryCountAndPercentageOfTheExpectation() throws Exception {
    JsonNode expected = expectation();
    CaseSet cases = SeedRealizer.realize(expected, Tables.SHIPPED, Tables.SCHEMA);
    assertThat(check(cases, expected, Set.of())).isEmpty();
  }

  @Test
  void aWrongCountInTheExpectationIsReported() throws Exception {
    JsonNode expected = expectation();
    CaseSet cases = SeedRealizer.realize(expected, Tables.SHIPPED, Tables.SCHEMA);
    ObjectNode yes = (ObjectNode) expected.get("tables").get(0).get("rows").get(0).get("values");
    yes.put("2023.count", 13);
    yes.put("2022.pct", 72);
    List<SeedComparison.Mismatch> m = check(cases, expected, Set.of());
    assertThat(m)
        .extracting(SeedComparison.Mismatch::column)
        .containsExactly("2023.count", "2022.pct");
    assertThat(check(cases, expected, Set.of("high_risk/Yes"))).isEmpty();
  }
}
