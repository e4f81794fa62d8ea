package org.idva.insights.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.idva.insights.fixtures.BenchReturnsAccess;
import org.idva.insights.fixtures.Checking;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.ingest.WorkbookReader;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random returns, fully answered wherever each question's condition holds, are accepted with
 * every row kept; and the store's knowledge of earlier intakes is used for the join checks.
 */
class RandomReturnsTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  @TempDir Path dir;

  @RepeatedTest(3)
  void randomValidReturnsAreAcceptedWithEveryRow(RepetitionInfo rep) throws Exception {
    long seed = System.nanoTime() ^ rep.getCurrentRepetition();
    System.out.println("RandomReturnsTest seed " + seed);
    Path file = dir.resolve("SVC07_2022-23-Q3.xlsx");
    int intakes = 60;
    BenchReturnsAccess.write(SCHEMA, seed, file, "SVC07", intakes);
    CheckedReturn c = Checking.check(SCHEMA, file);
    assertThat(c.findings()).as("seed " + seed).isEmpty();
    assertThat(c.status()).isEqualTo(ReturnStatus.ACCEPTED);
    assertThat(c.rows()).as("seed " + seed).hasSize(intakes + intakes / 3 + intakes / 2);
    assertThat(c.rows()).allMatch(r -> r.service().equals("SVC07"));
    assertThat(c.rows())
        .filteredOn(r -> r.sheet().equals("intake"))
        .allMatch(r -> r.get("referral_status") instanceof String s && !s.contains(" "));
  }

  @Test
  void casesKnownFromEarlierReturnsJoinAndTheirIntakeDatesAreChecked() throws Exception {
    TestReturn r = new TestReturn(SCHEMA, "SVC01", 1);
    r.rows("Review").get(0).put("Case ref", "OLD1");
    r.rows("Exit").get(0).put("Case ref", "OLD2");
    Path file = r.write(dir.resolve("SVC01_2022-23-Q1.xlsx"));
    KnownCases store =
        new KnownCases() {
          @Override
          public boolean hasIntake(String service, String caseRef) {
            return service.equals("SVC01") && caseRef.startsWith("OLD");
          }

          @Override
          public Optional<LocalDate> intakeDate(String service, String caseRef) {
            return caseRef.equals("OLD2")
                ? Optional.of(LocalDate.of(2022, 6, 1))
                : Optional.empty();
          }
        };
    CheckedReturn withStore;
    try (RawWorkbook wb = new WorkbookReader().open(file)) {
      withStore = new ReturnChecker(SCHEMA, store).check(file, wb);
    }
    assertThat(withStore.findings())
        .extracting(f -> f.code() + "@" + f.location().sheet() + "!" + f.location().cell())
        .containsExactly("EXIT_BEFORE_INTAKE@Exit!B2");
    CheckedReturn without = Checking.check(SCHEMA, file);
    assertThat(without.findings())
        .extracting(Finding::code)
        .containsExactlyInAnyOrder("NO_INTAKE", "NO_INTAKE");
  }
}
