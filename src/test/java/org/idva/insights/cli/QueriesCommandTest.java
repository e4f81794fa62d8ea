package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insights queries}: open and explained queries of the current returns, per service. */
class QueriesCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream oldOut = System.out;

  @AfterEach
  void restore() {
    System.setOut(oldOut);
  }

  private static Finding query(String service, String caseRef, String found) {
    return new Finding(
        Severity.QUERY,
        "DATE_OUTSIDE_QUARTER",
        new SourceLocation(service + "_2022-23-Q1.xlsx", "Review", 2, 1),
        found,
        "a date in 2022-23 Q1",
        "Check the date.",
        "Review date",
        caseRef,
        "review_date",
        null);
  }

  private static CheckedReturn checked(String service, String sha, Finding... findings) {
    return new CheckedReturn(
        new ReturnInfo(
            service + "_2022-23-Q1.xlsx",
            service,
            new ReportingQuarter(2022, 1),
            sha,
            Instant.parse("2022-07-01T00:00:00Z")),
        ReturnStatus.ACCEPTED_WITH_QUERIES,
        List.of(findings),
        List.of());
  }

  @Test
  void listsOpenAndExplainedQueriesAndCountsThemPerService() {
    String store = dir.resolve("insights.db").toString();
    try (CaseStore s = CaseStore.open(StoreConfig.of(store, SchemaLoader.loadDefault()))) {
      s.ingest(
          checked("S1", "a1", query("S1", "C1", "05/07/2022"), query("S1", "C2", "06/07/2022")));
      s.ingest(checked("S2", "b1", query("S2", "C9", "07/07/2022")));
      s.explanations()
          .record(
              new Explanation(
                  "S1",
                  "Review",
                  "C1",
                  "review_date",
                  "05/07/2022",
                  "Held early",
                  "lead",
                  "web",
                  Instant.parse("2022-07-02T00:00:00Z")));
    }
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(Main.run("queries", "--store", store)).isEqualTo(ExitCode.OK);
    String all = out.toString(StandardCharsets.UTF_8);
    assertThat(all)
        .contains("explained  Review!B2  case C1  'Review date' (review_date)")
        .contains("explanation: \"Held early\"")
        .contains("open       Review!B2  case C2")
        .contains("case C9")
        .containsPattern("S1 +1 +1")
        .containsPattern("S2 +1 +0");
    out.reset();
    assertThat(Main.run("queries", "--store", store, "--service", "S2")).isEqualTo(ExitCode.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("case C9").doesNotContain("case C1");
  }
}
