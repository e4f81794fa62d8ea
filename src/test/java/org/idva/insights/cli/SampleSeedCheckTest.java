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
    // A shortfall is listed here with gap("reason", table, row, columns...) until it is fixed.
    gap(
        "issue 17.8: the Intake column now counts seven types; the generator's cohort fit reaches"
            + " 1,451 but the case store counts 1,453 (some later step of the generator moves two"
            + " cohort intakes; not yet found)",
        "multiple_abuse_types_intake_exit",
        "Clients experiencing multiple types of abuse",
        "2023.Intake.count");
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
    // issue 17.1/17.8: an earlier year's group is either not collected or has an answer; never
    // every answer at 0% beside a Missing of 100% (a question asked of a handful of cases only)
    soft.assertThat(allMissingButCollected(results))
        .as("earlier-year groups printing 0%% with Missing at 100%%")
        .isEmpty();
    soft.assertAll();
  }

  static List<String> allMissingButCollected(List<TableResult> results) {
    List<String> out = new java.util.ArrayList<>();
    for (TableResult t : results) {
      for (TableResult.Row r : t.rows()) {
        if (!r.kind().equals("missing")) {
          continue;
        }
        r.values()
            .forEach(
                (key, v) -> {
                  String group = key.substring(0, key.lastIndexOf('.'));
                  if (key.endsWith(".pct")
                      && Integer.valueOf(100).equals(v)
                      && !t.notCollected(group)
                      && t.rows().stream()
                          .filter(o -> o.kind().equals("category"))
                          .allMatch(o -> Integer.valueOf(0).equals(o.values().get(key)))) {
                    out.add(t.id() + " " + group);
                  }
                });
      }
    }
    return out;
  }
}
