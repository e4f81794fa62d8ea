package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insights case}: a case's forms with where each came from, and nothing of another service.
 */
class CaseCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private String store;

  @BeforeEach
  void fillStore() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    store = dir.resolve("insights.db").toString();
    ReportingQuarter q1 = new ReportingQuarter(2022, 1);
    ReportingQuarter q4 = new ReportingQuarter(2023, 4);
    try (CaseStore s = CaseStore.open(StoreConfig.of(store, SchemaLoader.loadDefault()))) {
      s.ingest(
          checked(
              "S1",
              q1,
              "a1",
              row(
                  "S1",
                  "intake",
                  "S1_q1.xlsx",
                  "Intake",
                  7,
                  Map.of(
                      "case_ref",
                      "A1",
                      "client_ref",
                      "C1",
                      "intake_date",
                      LocalDate.of(2022, 5, 3),
                      "sex_at_birth",
                      "female"))));
      s.ingest(
          checked(
              "S1",
              q4,
              "a2",
              row(
                  "S1",
                  "exit",
                  "S1_q4.xlsx",
                  "Exit",
                  3,
                  Map.of("case_ref", "A1", "exit_date", LocalDate.of(2024, 2, 1)))));
      s.ingest(
          checked(
              "S2",
              q1,
              "b1",
              row(
                  "S2",
                  "intake",
                  "S2_q1.xlsx",
                  "Intake",
                  2,
                  Map.of("case_ref", "A1", "client_ref", "OTHER-SERVICE-CLIENT"))));
    }
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private static FormRow row(
      String service, String sheet, String file, String sheetName, int row, Map<String, Object> v) {
    return new FormRow(service, sheet, new SourceLocation(file, sheetName, row, -1), v);
  }

  private static CheckedReturn checked(String service, ReportingQuarter q, String sha, FormRow r) {
    return new CheckedReturn(
        new ReturnInfo(r.location().file(), service, q, sha, Instant.parse("2024-04-10T09:00:00Z")),
        ReturnStatus.ACCEPTED,
        List.of(),
        List.of(r));
  }

  @Test
  void printsTheCasesFormsAndWhereEachCameFrom() {
    assertThat(Main.run("case", "--store", store, "S1", "A1")).isEqualTo(ExitCode.OK);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Case A1 of service S1: 2 form row(s)")
        .contains("from   S1_q1.xlsx, sheet Intake, row 7")
        .contains("return S1_q1.xlsx, 2022-23 Q1, received 2024-04-10T09:00:00Z, Accepted")
        .contains("from   S1_q4.xlsx, sheet Exit, row 3")
        .contains("2022-05-03")
        .doesNotContain("OTHER-SERVICE-CLIENT")
        .doesNotContain("S2_q1.xlsx");
    assertThat(text.indexOf("S1_q1.xlsx")).isLessThan(text.indexOf("S1_q4.xlsx"));
    assertThat(text.lines()).anyMatch(l -> l.contains("Sex at birth") && l.contains("Female"));
  }

  @Test
  void anUnknownCaseIsReported() {
    assertThat(Main.run("case", "--store", store, "S3", "A1")).isEqualTo(ExitCode.DATA_PROBLEMS);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("No case A1 for service S3");
  }

  @Test
  void aMissingStoreIsAnIoErrorNotANewStore() {
    Path missing = dir.resolve("nowhere/insights.db");
    assertThat(Main.run("case", "--store", missing.toString(), "S1", "A1")).isEqualTo(ExitCode.IO);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("No case store at");
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void benchIngestHasHelp() {
    assertThat(Main.run("bench-ingest", "--help")).isEqualTo(ExitCode.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("rows/s");
  }
}
