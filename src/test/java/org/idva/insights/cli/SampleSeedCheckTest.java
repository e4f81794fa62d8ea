package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.idva.insights.model.TableResult;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.report.ReportEngine;
import org.idva.insights.report.SeedComparison;
import org.idva.insights.report.SeedDeviations;
import org.idva.insights.report.SeedTables;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6.4 end to end: {@code insights run} over the shipped sample returns ({@code input/}), then
 * every table computed from the case store and compared with the seed tables file (reporting-year
 * counts exactly, earlier years' % within 1 point; {@link SeedComparison}). Skipped: the seed's own
 * errors ({@link SeedDeviations#EXCLUDED}, docs/seed-deviations.md). Everything else that differs
 * must be in {@link #KNOWN_GAPS}, a list of our own shortfalls that may only shrink: the test fails
 * on a new mismatch and also when a known gap starts matching (remove it from the list then).
 */
class SampleSeedCheckTest {
  @TempDir Path dir;

  /** Cells still wrong for reasons of ours (sample or engine), keyed table/row/column. */
  static final Map<String, String> KNOWN_GAPS = new LinkedHashMap<>();

  private static void gap(String reason, String table, String row, String... columns) {
    for (String c : columns) {
      KNOWN_GAPS.put(key(table, row, c), reason);
    }
  }

  static String key(String table, String row, String column) {
    return table + "/" + (row == null ? "" : row) + "/" + column;
  }

  static {
    gap(
        "derived from open gaps: contacts median (11 v 12); children's support per 100 counts a different base",
        "headline_figures",
        "Direct contacts received",
        "2023.value");
    gap(
        "derived from open gaps: contacts median (11 v 12); children's support per 100 counts a different base",
        "headline_figures",
        "Will access children's support services",
        "2023.per_100");
    gap(
        "earlier/2023 Missing %: seed counts Missing on 2,266 clients, definition on intake cases (2023 count excluded as a seed error; its % follows)",
        "initial_referral_route_spoc", "Missing", "2023.pct", "2022.pct", "2021.pct");
    gap(
        "sample: 2022 Missing % off by more than a point (Missing share of a % column that does not sum to 100)",
        "client_sexual_orientation", "Missing", "2022.pct");
    gap(
        "sample: 2022 subtotal/Missing % off by more than a point (largest-remainder allocation of detail rows)",
        "client_ethnicity", "Total Black, Asian and racially minoritised people", "2022.pct");
    gap(
        "sample: 2022 subtotal/Missing % off by more than a point (largest-remainder allocation of detail rows)",
        "client_ethnicity", "Missing", "2022.pct");
    gap(
        "sample: 2020-21 intakes carry no ACE types, so the 2021 average is empty",
        "aces",
        "Average number experienced",
        "2021.value");
    gap(
        "earlier-year average ticks: sample values lean low / 2021 average not computed",
        "dash_ticks_intake",
        "Average number of ticks",
        "2022.value",
        "2021.value");
    gap(
        "sample: averages lean to band low ends but stay above the seed's (seed average below its bands, see deviations)",
        "abuse_duration",
        "Average length of abuse",
        "2023.value",
        "2022.value",
        "2021.value");
    gap("sample: 2022 Missing % off by more than a point", "abuse_typology", "Missing", "2022.pct");
    gap(
        "engine: averages of the number of visits/times/attempts not computed",
        "within_past_12_months",
        "Average number of visits",
        "2023.value",
        "2022.value");
    gap(
        "engine: averages of the number of visits/times/attempts not computed",
        "within_past_12_months",
        "Average number of times",
        "2023.value",
        "2022.value");
    gap(
        "engine: averages of the number of visits/times/attempts not computed",
        "within_past_12_months",
        "Average number of attempts",
        "2023.value",
        "2022.value");
    gap("sample: 2022 Missing % (seed prints 0) off", "ilr_need", "Missing", "2022.pct");
    gap(
        "sample: days from intake to last review not calibrated to the seed median",
        "review_point",
        "Average length of time from case opened to last review point (median)",
        "2023.value",
        "2022.value",
        "2021.value");
    gap(
        "band boundary: generator uses calendar months, engine days/weeks; 2022 median off a week",
        "case_length",
        "Average case length (median)",
        "2021.value");
    gap(
        "sample: contacts median 11 instead of 12",
        "contacts_received",
        "Average number of contacts (median)",
        "2023.value");
    // abuse_level_change 2023 %: the seed's % use unprinted bases that contradict its own counts
    // (seed_inconsistencies: Physical "Reduced" 959 = 89% implies about 1,078, "Increased" 40 = 3%
    // at least 1,150) and the exit cohort's intake levels it prints (level_of_abuse_*_intake_exit:
    // 1,288 with a physical level at intake). Counts are exact; the % follow from the counts.
    // (Candidates for SeedDeviations.EXCLUDED; 2022 % are fitted within a point.)
    gap(
        "seed: change % use bases contradicting its counts and the cohort's intake levels",
        "abuse_level_change",
        "Reduced from Intake to Exit",
        "2023.Physical.pct",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2023.Jealous and Controlling.pct");
    gap(
        "seed: change % use bases contradicting its counts and the cohort's intake levels",
        "abuse_level_change",
        "Reduced from High to None",
        "2023.Physical.pct",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2023.Jealous and Controlling.pct");
    gap(
        "seed: change % use bases contradicting its counts and the cohort's intake levels",
        "abuse_level_change",
        "Reduced to None",
        "2023.Physical.pct",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2023.Jealous and Controlling.pct");
    gap(
        "seed: change % use bases contradicting its counts and the cohort's intake levels",
        "abuse_level_change",
        "Unchanged from Intake to Exit",
        "2023.Physical.pct",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2023.Jealous and Controlling.pct");
    gap(
        "seed: change % use bases contradicting its counts and the cohort's intake levels",
        "abuse_level_change",
        "Increased from Intake to Exit",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct");
    gap(
        "sample: 2022 Missing % off by more than a point",
        "child_contact_used_for_abuse", "Missing", "2022.pct");
    gap(
        "sample: 2022 drug/immigration support % (small n) off",
        "needs_support_matrix", "Drug misuse", "2022.Support provided.pct");
    gap(
        "sample: 2022 drug/immigration support % (small n) off",
        "needs_support_matrix",
        "Immigration",
        "2022.Support provided.pct",
        "2022.Improved safety.pct",
        "2022.Improved wellbeing.pct");
    gap(
        "sample: 2022 Missing % off by more than a point",
        "support_finance_impact", "Missing", "2022.Safety.pct");
    gap(
        "sample: earlier-year % of a very small n (21) off by 2 points",
        "support_immigration_outcomes", "Accessing public funds", "2022.pct");
    gap(
        "sample: earlier-year % of a very small n (21) off by 2 points",
        "support_immigration_outcomes", "Disengaged from support in this area", "2021.pct");
    gap(
        "sample: earlier-year % of a very small n (21) off by 2 points",
        "support_immigration_outcomes", "Engaged with specialist services", "2022.pct");
    gap(
        "sample: earlier-year % of a very small n (21) off by 2 points",
        "support_immigration_outcomes", "Granted ILR", "2022.pct");
    gap(
        "sample: earlier-year % of a very small n (21) off by 2 points",
        "support_immigration_outcomes", "Accessed online support services", "2022.pct", "2021.pct");
    gap(
        "sample: earlier-year % of a very small n (21) off by 2 points",
        "support_immigration_outcomes", "Access to ID documents", "2021.pct");
    gap(
        "sample: earlier-year % of a very small n (21) off by 2 points",
        "support_immigration_outcomes", "Referral to specialist service", "2022.pct");
    gap(
        "sample: 2022 % of a very small n (21) off",
        "support_immigration_impact", "Improved slightly", "2022.Safety.pct", "2022.Wellbeing.pct");
    gap(
        "sample: 2022 % of a very small n (21) off",
        "support_immigration_impact", "Total Improved", "2022.Safety.pct", "2022.Wellbeing.pct");
    gap(
        "sample: 3 reports with no timing are blank (Missing 87 v 84); seed counts sum to 544 of 547",
        "cj_police_report_timing",
        "Missing",
        "2023.count",
        "2023.pct");
  }

  @Test
  void theShippedSampleReproducesTheSeedExceptDocumentedDeviationsAndKnownGaps() throws Exception {
    Path store = dir.resolve("s.db");
    PrintStream old = System.out;
    int code;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      code =
          Main.run(
              "run",
              "--input",
              "input",
              "--output",
              dir.resolve("out").toString(),
              "--store",
              store.toString(),
              "--no-report");
    } finally {
      System.setOut(old);
    }
    // The sample carries deliberate slips (issue 3.4), so the run reports data problems.
    assertThat(code).isIn(ExitCode.OK, ExitCode.DATA_PROBLEMS);

    JsonNode seed = SeedTables.load();
    SeedComparison comparison = new SeedComparison(seed, SeedDeviations.EXCLUDED);
    Schema schema = SchemaLoader.loadDefault();
    List<TableResult> results;
    try (CaseStore cases = CaseStore.open(StoreConfig.of(store.toString(), schema))) {
      ReportEngine.Tabulation tab =
          new ReportEngine(schema, ReportDefinitions.loadDefault(schema)).load(cases.caseData());
      List<String> ids = seed.findValues("id").stream().map(JsonNode::asText).toList();
      results = tab.tables(Integer.parseInt(comparison.reportingYear()), ids);
    }
    assertThat(results).hasSize(seed.get("tables").size());
    List<SeedComparison.Mismatch> mismatches = comparison.compare(results);
    Map<String, SeedComparison.Mismatch> byKey = new LinkedHashMap<>();
    mismatches.forEach(m -> byKey.put(key(m.table(), m.row(), m.column()), m));

    List<String> unexpected =
        byKey.entrySet().stream()
            .filter(e -> !KNOWN_GAPS.containsKey(e.getKey()))
            .map(e -> e.getValue().toString())
            .toList();
    Set<String> nowMatching = new TreeSet<>(KNOWN_GAPS.keySet());
    nowMatching.removeAll(byKey.keySet());
    assertThat(unexpected)
        .as(
            "cells that differ from the seed and are neither a documented seed deviation nor a"
                + " known gap:\n%s",
            String.join("\n", unexpected))
        .isEmpty();
    assertThat(nowMatching)
        .as(
            "known gaps that now match the seed: remove them from KNOWN_GAPS\n%s",
            nowMatching.stream().collect(Collectors.joining("\n")))
        .isEmpty();
  }
}
