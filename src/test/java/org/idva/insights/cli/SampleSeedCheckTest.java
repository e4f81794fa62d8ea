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
        "sample: 2021 high-severity derived rows not calibrated",
        "multiple_abuse_types_intake",
        "Clients experiencing multiple types of high severity abuse",
        "2021.pct");
    gap(
        "sample: 2021 high-severity derived rows not calibrated",
        "multiple_abuse_types_intake",
        "Clients experiencing at least one type of high severity abuse",
        "2021.pct");
    gap("sample: 2022 Missing % (seed prints 0) off", "ilr_need", "Missing", "2022.pct");
    gap(
        "sample: the 2021-22 intake/exit Dash pair is not generated (calibrated for 2022-23 only)",
        "dash_ticks_intake_exit",
        "Standard Risk (1 - 5)",
        "2022.Intake.pct",
        "2022.Exit.pct");
    gap(
        "sample: the 2021-22 intake/exit Dash pair is not generated (calibrated for 2022-23 only)",
        "dash_ticks_intake_exit",
        "Medium Risk (6 - 9)",
        "2022.Intake.pct",
        "2022.Exit.pct");
    gap(
        "sample: the 2021-22 intake/exit Dash pair is not generated (calibrated for 2022-23 only)",
        "dash_ticks_intake_exit",
        "High Risk (10+)",
        "2022.Intake.pct",
        "2022.Exit.pct");
    gap(
        "sample: the 2021-22 intake/exit Dash pair is not generated (calibrated for 2022-23 only)",
        "dash_ticks_intake_exit",
        "Cases where Dash score reduced between Intake and Exit",
        "2022.Intake to Exit.pct");
    gap(
        "reading: generator and definition disagree on which abuse types count (seven v four)",
        "multiple_abuse_types_intake_exit",
        "Clients experiencing multiple types of abuse",
        "2023.Intake.count",
        "2023.Intake.pct",
        "2023.Exit.count",
        "2023.Exit.pct",
        "2022.Exit.pct");
    gap(
        "reading: generator and definition disagree on which abuse types count (seven v four)",
        "multiple_abuse_types_intake_exit",
        "Clients experiencing multiple types of high severity abuse",
        "2023.Intake.count",
        "2023.Intake.pct",
        "2023.Exit.count",
        "2023.Exit.pct",
        "2022.Exit.pct");
    gap(
        "reading: generator and definition disagree on which abuse types count (seven v four)",
        "multiple_abuse_types_intake_exit",
        "Clients experiencing at least one type of high severity abuse",
        "2023.Intake.count",
        "2023.Intake.pct",
        "2023.Exit.count",
        "2023.Exit.pct",
        "2022.Exit.pct");
    gap(
        "sample: intake-to-exit level changes per abuse type not calibrated to the seed",
        "abuse_level_change",
        "Reduced from Intake to Exit",
        "2023.Physical.pct",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2023.Jealous and Controlling.pct",
        "2022.Physical.pct",
        "2022.Sexual.pct",
        "2022.Harassment and Stalking.pct",
        "2022.Jealous and Controlling.pct");
    gap(
        "sample: intake-to-exit level changes per abuse type not calibrated to the seed",
        "abuse_level_change",
        "Reduced from High to None",
        "2023.Physical.pct",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2023.Jealous and Controlling.pct",
        "2022.Physical.pct",
        "2022.Sexual.pct",
        "2022.Harassment and Stalking.pct",
        "2022.Jealous and Controlling.pct");
    gap(
        "sample: intake-to-exit level changes per abuse type not calibrated to the seed",
        "abuse_level_change",
        "Reduced to None",
        "2023.Physical.pct",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2023.Jealous and Controlling.pct",
        "2022.Physical.pct",
        "2022.Sexual.pct",
        "2022.Harassment and Stalking.pct",
        "2022.Jealous and Controlling.pct");
    gap(
        "sample: intake-to-exit level changes per abuse type not calibrated to the seed",
        "abuse_level_change",
        "Unchanged from Intake to Exit",
        "2023.Physical.pct",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2023.Jealous and Controlling.pct",
        "2022.Physical.pct",
        "2022.Sexual.pct",
        "2022.Harassment and Stalking.pct",
        "2022.Jealous and Controlling.pct");
    gap(
        "sample: intake-to-exit level changes per abuse type not calibrated to the seed",
        "abuse_level_change",
        "Increased from Intake to Exit",
        "2023.Sexual.pct",
        "2023.Harassment and Stalking.pct",
        "2022.Harassment and Stalking.pct");
    gap(
        "sample: 2021 escalation not generated",
        "abuse_escalation",
        "Any escalation in severity of abuse",
        "2021.pct");
    gap(
        "sample: 2021 escalation not generated",
        "abuse_escalation",
        "Any escalation in frequency of abuse",
        "2021.pct");
    gap(
        "sample: 2021 escalation not generated",
        "abuse_escalation",
        "Any escalation in severity or frequency of abuse",
        "2021.pct");
    gap(
        "sample: 2022 relationship change % not calibrated",
        "relationship_change", "Current intimate partner to ex-intimate partner", "2022.pct");
    gap(
        "sample: 2022 Missing % off by more than a point",
        "child_contact_used_for_abuse", "Missing", "2022.pct");
    gap(
        "sample: 2022 drug/immigration support % (small n) off",
        "needs_support_matrix", "Drug misuse", "2022.Support provided.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        null,
        "n.2023.Intake");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "None",
        "2023.Intake.count",
        "2023.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Concern raised - NFA",
        "2023.Intake.count",
        "2023.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Concern raised - contacts/follow up",
        "2023.Intake.count",
        "2023.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Early help",
        "2023.Intake.count",
        "2023.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Priority families",
        "2023.Intake.count");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Targeted families",
        "2023.Intake.count",
        "2023.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Initial assessment",
        "2023.Intake.count",
        "2023.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "S17 - Child in need",
        "2023.Intake.count");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "S47 - Child protection",
        "2023.Intake.count",
        "2022.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "S31 - Care or supervision order",
        "2023.Intake.count");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Child protection plan",
        "2023.Intake.count",
        "2023.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Common assessment framework (Caf/Taf)",
        "2023.Intake.count");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Other",
        "2023.Intake.count",
        "2022.Intake.pct");
    gap(
        "sample: intake column per exit case follows the client distribution, not calibrated",
        "cyps_involvement_intake_exit",
        "Don't know",
        "2023.Intake.count");
    gap(
        "sample: exits of 2022-23 closing 2021-22 intakes take the relationship at intake from 2021-22's allocation",
        "relationship_change",
        "Current intimate partner to ex-intimate partner",
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
    // both lists in one failure, so one run shows everything to change
    org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
    soft.assertThat(unexpected)
        .as(
            "cells that differ from the seed and are neither a documented seed deviation nor a"
                + " known gap:\n%s",
            String.join("\n", unexpected))
        .isEmpty();
    soft.assertThat(nowMatching)
        .as(
            "known gaps that now match the seed: remove them from KNOWN_GAPS\n%s",
            nowMatching.stream().collect(Collectors.joining("\n")))
        .isEmpty();
    soft.assertAll();
  }
}
