package org.idva.insights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.idva.insights.fixtures.MessyReturns;
import org.idva.insights.model.Finding;
import org.idva.insights.model.Severity;
import org.idva.insights.model.TableResult;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.report.ReportEngine;
import org.idva.insights.report.TableDefinition;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messy but valid returns give exactly the tables of the clean ones: one service's twelve sample
 * returns rewritten by a seeded {@link MessyReturns} (headers in other case or abbreviated, codes
 * in other case with spaces, ticks as y/X/TRUE, dates and numbers as text, sheets in another order,
 * blank rows) are read into one store, the clean returns into another, and every report table of
 * every year compared.
 */
class MessyReturnsTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  @TempDir Path dir;

  @Test
  void messyReturnsGiveTheTablesOfTheCleanOnes() throws Exception {
    long seed = Long.getLong("messy.seed", System.nanoTime());
    System.out.println(
        "MessyReturnsTest seed: " + seed + " (rerun with -Dmessy.seed=" + seed + ")");
    List<Path> clean;
    try (Stream<Path> s = Files.list(Path.of("input"))) {
      clean = s.filter(p -> p.getFileName().toString().startsWith("SVC03_")).sorted().toList();
    }
    assertThat(clean).hasSize(12);
    Path messyDir = Files.createDirectories(dir.resolve("messy"));
    MessyReturns mess = new MessyReturns(SCHEMA, seed);
    List<Path> messy = new ArrayList<>();
    for (Path p : clean) {
      Path m = messyDir.resolve(p.getFileName());
      mess.rewrite(p, m);
      messy.add(m);
    }
    List<Finding> messyFindings = new ArrayList<>();
    List<TableResult> fromClean = tables(clean, "clean", new ArrayList<>());
    List<TableResult> fromMessy = tables(messy, "messy", messyFindings);
    assertThat(messyFindings)
        .as("the messy returns are valid")
        .filteredOn(f -> f.severity() == Severity.ERROR)
        .isEmpty();
    assertThat(messyFindings)
        .as("the messy returns were messy")
        .extracting(Finding::code)
        .contains("HEADER_MATCHED", "BLANK_ROW", "CODE_LABEL_TOLERATED");
    assertThat(fromMessy).hasSameSizeAs(fromClean);
    for (int i = 0; i < fromClean.size(); i++) {
      assertThat(fromMessy.get(i)).as(fromClean.get(i).id()).isEqualTo(fromClean.get(i));
    }
  }

  private List<TableResult> tables(List<Path> files, String name, List<Finding> findings)
      throws Exception {
    try (CaseStore store =
        CaseStore.open(StoreConfig.of(dir.resolve(name + ".db").toString(), SCHEMA))) {
      Pipeline pipeline = new Pipeline(SCHEMA, store, null, null, null);
      Instant t = Instant.parse("2023-05-01T00:00:00Z");
      for (Path f : files) {
        t = t.plusSeconds(60);
        Receipt r = pipeline.submit(Submission.fromFolder(f, t));
        findings.addAll(r.checked().findings());
      }
      ReportDefinitions defs = ReportDefinitions.loadDefault(SCHEMA);
      ReportEngine.Tabulation tab = new ReportEngine(SCHEMA, defs).load(store.caseData());
      List<String> ids = defs.tables().stream().map(TableDefinition::id).toList();
      List<TableResult> out = new ArrayList<>();
      int latest = tab.latestYear();
      assertThat(latest).isPositive();
      for (int year = latest - 2; year <= latest; year++) {
        out.addAll(tab.tables(year, ids));
      }
      return out;
    }
  }
}
