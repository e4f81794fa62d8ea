package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every case store must do, run against SQLite ({@link SqliteCaseStoreTest}) and PostgreSQL
 * ({@link PostgresCaseStoreTest}). Each test starts from an empty store.
 */
abstract class CaseStoreContract {
  static final Schema SCHEMA = SchemaLoader.loadDefault();

  /** The location of a new, empty store for one test. */
  abstract String emptyStore() throws Exception;

  /** Holds the store's write lock from another connection until closed. */
  abstract AutoCloseable holdWriteLock(String location) throws Exception;

  private String location;

  @BeforeEach
  void createStore() throws Exception {
    location = emptyStore();
  }

  CaseStore open() {
    return CaseStore.open(StoreConfig.of(location, SCHEMA));
  }

  static List<FormRow> rows(CaseStore store, String sheet) {
    List<FormRow> rows = new ArrayList<>();
    store.caseData().forEachRow(sheet, rows::add);
    return rows;
  }

  static List<String> caseRefs(CaseStore store, String sheet) {
    return rows(store, sheet).stream().map(r -> r.string("case_ref")).sorted().toList();
  }

  static List<String> codes(IngestResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void opensAnEmptyStoreAndReopensWithoutChange() {
    try (CaseStore store = open()) {
      assertThat(store.history(null)).isEmpty();
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
    }
    try (CaseStore store = open()) {
      assertThat(store.history(null)).hasSize(1);
      assertThat(caseRefs(store, "intake")).containsExactly("A1");
    }
  }

  @Test
  void streamsCurrentRowsInIngestOrderAndStopsWhenTheReaderThrows() {
    TestReturns many = TestReturns.of("S1", TestReturns.Q1_2022);
    for (int i = 0; i < 6000; i++) {
      many.intake("A" + i, "C" + i);
    }
    try (CaseStore store = open()) {
      store.ingest(many.build());
      List<FormRow> seen = new ArrayList<>();
      IllegalStateException stop = new IllegalStateException("enough");
      assertThatThrownBy(
              () ->
                  store
                      .caseData()
                      .forEachRow(
                          "intake",
                          row -> {
                            seen.add(row);
                            if (seen.size() == 10) {
                              throw stop;
                            }
                          }))
          .isSameAs(stop);
      assertThat(seen).hasSize(10);
      // the connection is free again, and every row comes in the order it was stored
      List<FormRow> all = rows(store, "intake");
      assertThat(all).hasSize(6000);
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).string("case_ref")).isEqualTo("A" + i);
        assertThat(all.get(i).location().row()).isEqualTo(all.get(0).location().row() + i);
      }
      store.ingest(TestReturns.of("S2", TestReturns.Q1_2022).intake("B1", "C1").build());
      assertThat(caseRefs(store, "intake")).hasSize(6001);
    }
  }

  @Test
  void recordsTheReturnAndKeepsEveryRowsProvenance() {
    CheckedReturn r =
        TestReturns.of("S1", TestReturns.Q1_2022)
            .intake("A1", "C1")
            .intake("A2", "C2")
            .child("A2", 1)
            .exit("A1")
            .build();
    try (CaseStore store = open()) {
      IngestResult result = store.ingest(r);
      assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.ADDED);
      assertThat(result.rowsStored()).isEqualTo(4);
      assertThat(result.casesAdded()).isEqualTo(2);

      StoredReturn h = store.history("S1").get(0);
      assertThat(h.fileName()).isEqualTo("S1_2022-23-Q1.xlsx");
      assertThat(h.quarter()).isEqualTo("2022-23 Q1");
      assertThat(h.sha256()).isEqualTo(r.info().sha256());
      assertThat(h.received()).isEqualTo(r.info().received());
      assertThat(h.status()).isEqualTo(ReturnStatus.ACCEPTED);
      assertThat(h.state()).isEqualTo("current");
      assertThat(h.rowsStored()).isEqualTo(4);
      assertThat(h.findingsSummary()).startsWith("0 errors, 0 queries, 0 notices");

      FormRow child = rows(store, "intake.children").get(0);
      assertThat(child.location())
          .isEqualTo(new SourceLocation("S1_2022-23-Q1.xlsx", "Children", 2, SourceLocation.NONE));
      assertThat(child.get("child_no")).isEqualTo(1L);
      FormRow a2 = store.caseForms("S1", "A2").get(0);
      assertThat(a2.location().row()).isEqualTo(3);
      assertThat(a2.location().sheet()).isEqualTo("Intake");
      assertThat(a2.get("intake_date")).isEqualTo(TestReturns.Q1_2022.firstDay().plusDays(3));
      assertThat(store.caseForms("S1", "A1"))
          .extracting(FormRow::sheet)
          .containsExactly("intake", "exit");
    }
  }

  @Test
  void theSameFileTwiceChangesNothing() {
    CheckedReturn r = TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build();
    try (CaseStore store = open()) {
      IngestResult first = store.ingest(r);
      IngestResult second = store.ingest(r);
      assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.DUPLICATE);
      assertThat(second.returnId()).isEqualTo(first.returnId());
      assertThat(second.rowsStored()).isZero();
      assertThat(codes(second)).containsExactly("RETURN_ALREADY_INGESTED");
      // In the service's words: no hash, no machine time stamp.
      assertThat(second.findings().get(0).found()).doesNotContainPattern("[0-9a-f]{32}");
      assertThat(second.findings().get(0).fix())
          .containsPattern("received on \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2} UTC as ")
          .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}");
      assertThat(store.history(null)).hasSize(1);
      assertThat(store.rowCounts()).isEqualTo(Map.of("current", 1L));
    }
  }

  @Test
  void aLaterReturnForTheQuarterReplacesTheEarlierOnesRows() {
    CheckedReturn v1 =
        TestReturns.of("S1", TestReturns.Q1_2022, "_v1")
            .intake("A1", "C1")
            .intake("B1", "C2")
            .exit("B1")
            .build();
    CheckedReturn v2 =
        TestReturns.of("S1", TestReturns.Q1_2022, "_v2")
            .receivedDaysLater(3)
            .intake("A1", "C1")
            .intake("D1", "C4")
            .build();
    CheckedReturn otherQuarter =
        TestReturns.of("S1", TestReturns.Q2_2022).intake("Q2", "C9").build();
    try (CaseStore store = open()) {
      store.ingest(v1);
      store.ingest(otherQuarter);
      IngestResult result = store.ingest(v2);
      assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.REPLACED);
      assertThat(result.supersededReturnId()).isEqualTo(1L);
      assertThat(result.casesAdded()).isEqualTo(1); // D1
      assertThat(result.casesReplaced()).isEqualTo(1); // A1
      assertThat(result.casesRemoved()).isEqualTo(1); // B1
      assertThat(caseRefs(store, "intake")).containsExactly("A1", "D1", "Q2");
      assertThat(rows(store, "exit")).isEmpty();
      assertThat(store.caseRows("S1", "B1")).isEmpty();

      List<StoredReturn> history = store.history("S1");
      assertThat(history)
          .extracting(StoredReturn::state)
          .containsExactly("superseded", "current", "current");
      assertThat(history.get(0).supersededBy()).isEqualTo(history.get(2).id());
      assertThat(history.get(0).fileName()).endsWith("_v1.xlsx");
    }
  }

  @Test
  void anOlderReturnThanTheCurrentOneIsKeptInTheHistoryOnly() {
    CheckedReturn newer =
        TestReturns.of("S1", TestReturns.Q1_2022, "_new")
            .receivedDaysLater(5)
            .intake("A1", "C1")
            .build();
    CheckedReturn older =
        TestReturns.of("S1", TestReturns.Q1_2022, "_old").intake("OLD", "C1").build();
    try (CaseStore store = open()) {
      store.ingest(newer);
      IngestResult result = store.ingest(older);
      assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.OUTDATED);
      assertThat(codes(result)).containsExactly("OLDER_THAN_CURRENT_RETURN");
      assertThat(caseRefs(store, "intake")).containsExactly("A1");
      assertThat(store.history("S1"))
          .extracting(StoredReturn::state)
          .containsExactly("current", "superseded");
    }
  }

  @Test
  void aRejectedReturnIsRecordedButStoresNothingAndReplacesNothing() {
    CheckedReturn good = TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build();
    CheckedReturn rejected =
        TestReturns.of("S1", TestReturns.Q1_2022, "_bad")
            .receivedDaysLater(2)
            .status(ReturnStatus.REJECTED)
            .intake("Z9", "C1")
            .build();
    try (CaseStore store = open()) {
      store.ingest(good);
      IngestResult result = store.ingest(rejected);
      assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.REJECTED);
      assertThat(caseRefs(store, "intake")).containsExactly("A1");
      assertThat(store.history("S1"))
          .extracting(StoredReturn::state)
          .containsExactly("current", "rejected");
    }
  }

  @Test
  void aReturnWithoutAQuarterIsRecordedAndReportedButStoresNothing() {
    CheckedReturn r = TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build();
    CheckedReturn noQuarter =
        new CheckedReturn(
            new org.idva.insights.model.ReturnInfo(
                r.info().fileName(), "S1", null, r.info().sha256(), r.info().received()),
            ReturnStatus.ACCEPTED,
            List.of(),
            r.rows());
    try (CaseStore store = open()) {
      IngestResult result = store.ingest(noQuarter);
      assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.REJECTED);
      assertThat(codes(result)).containsExactly("NO_QUARTER");
      assertThat(store.rowCounts()).isEmpty();
      assertThat(store.history("S1"))
          .extracting(StoredReturn::quarter)
          .containsExactly((String) null);
    }
  }

  @Test
  void theSecondConnectionReadsWhatIsCommittedWhileAnIngestIsUnderWay() {
    try (CaseStore store = open()) {
      CheckedReturn first = TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build();
      store.ingest(first);
      CaseStore reader = store.concurrentReader();
      assertThat(store.concurrentReader()).isSameAs(reader);
      assertThat(reader.intakeCaseRefs("S1")).containsExactly("A1");
      assertThat(reader.returnWithSha256(first.info().sha256())).isPresent();
      List<Set<String>> seenMidway = new ArrayList<>();
      store.ingest(
          TestReturns.of("S1", TestReturns.Q2_2022).intake("A2", "C2").intake("A3", "C3").build(),
          (written, total) -> {
            if (written == total && seenMidway.isEmpty()) {
              // the ingest's transaction is open: the reader neither waits for it nor sees it
              seenMidway.add(reader.intakeCaseRefs("S1"));
            }
          });
      assertThat(seenMidway).containsExactly(Set.of("A1"));
      assertThat(reader.intakeCaseRefs("S1")).containsExactlyInAnyOrder("A1", "A2", "A3");
    }
  }

  @Test
  void formsAttachToTheirIntakeFromAnEarlierYear() {
    try (CaseStore store = open()) {
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
      IngestResult later =
          store.ingest(
              TestReturns.of("S1", TestReturns.Q2_2023).review("A1", 1).exit("A1").build());
      assertThat(later.unmatchedRows()).isZero();
      assertThat(later.findings()).isEmpty();
      assertThat(caseRefs(store, "exit")).containsExactly("A1");
      assertThat(store.intakeCaseRefs("S1")).containsExactly("A1");
      assertThat(store.intakeCaseRefs("S2")).isEmpty();
      assertThat(store.intakeDate("S1", "A1")).contains(TestReturns.Q1_2022.firstDay().plusDays(3));
      assertThat(store.intakeDate("S1", "NONE")).isEmpty();
      assertThat(store.caseForms("S1", "A1"))
          .extracting(r -> r.location().file())
          .containsExactly("S1_2022-23-Q1.xlsx", "S1_2023-24-Q2.xlsx", "S1_2023-24-Q2.xlsx");
    }
  }

  @Test
  void aRowWithoutAnIntakeIsKeptAsideReportedAndAttachedWhenTheIntakeArrives() {
    try (CaseStore store = open()) {
      IngestResult r =
          store.ingest(
              TestReturns.of("S1", TestReturns.Q2_2022).exit("X1").intake("A1", "C1").build());
      assertThat(r.unmatchedRows()).isEqualTo(1);
      Finding f = r.findings().get(0);
      assertThat(f.code()).isEqualTo("NO_INTAKE_FOR_CASE");
      assertThat(f.severity()).isEqualTo(Severity.QUERY);
      assertThat(f.found()).isEqualTo("X1");
      assertThat(f.location().sheet()).isEqualTo("Exit");
      assertThat(f.location().row()).isEqualTo(2);
      assertThat(rows(store, "exit")).isEmpty();
      assertThat(store.caseRows("S1", "X1"))
          .extracting(StoredRow::state)
          .containsExactly("unmatched");
      assertThat(store.history("S1").get(0).findingsSummary())
          .contains("1 query")
          .contains("NO_INTAKE_FOR_CASE ×1");

      // the intake arrives in a resent earlier quarter: the exit attaches
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("X1", "C7").build());
      assertThat(caseRefs(store, "exit")).containsExactly("X1");

      // ...and is set aside again when a replacement of that quarter drops the intake
      store.ingest(
          TestReturns.of("S1", TestReturns.Q1_2022, "_v2")
              .receivedDaysLater(1)
              .intake("Y1", "C8")
              .build());
      assertThat(rows(store, "exit")).isEmpty();
      assertThat(store.rowCounts()).containsEntry("unmatched", 1L);
    }
  }

  @Test
  void twoDifferentIntakesForOneCaseAreReportedNotMerged() {
    CheckedReturn r =
        TestReturns.of("S1", TestReturns.Q1_2022)
            .intake("A1", "C1")
            .intake("A1", "C2")
            .intake("B1", "C3")
            .intake("B1", "C3")
            .build();
    try (CaseStore store = open()) {
      IngestResult result = store.ingest(r);
      assertThat(codes(result)).containsExactly("CONFLICTING_INTAKE", "REPEATED_INTAKE_ROW");
      Finding conflict = result.findings().get(0);
      assertThat(conflict.location().row()).isEqualTo(3);
      assertThat(conflict.expected()).contains("sheet Intake, row 2");
      assertThat(rows(store, "intake"))
          .extracting(x -> x.string("case_ref") + "/" + x.string("client_ref"))
          .containsExactly("A1/C1", "B1/C3");
      assertThat(store.caseRows("S1", "A1"))
          .extracting(StoredRow::state)
          .containsExactly("current", "conflict");

      IngestResult again =
          store.ingest(TestReturns.of("S1", TestReturns.Q2_2022).intake("A1", "C5").build());
      assertThat(codes(again)).containsExactly("INTAKE_ALREADY_STORED");
      assertThat(again.findings().get(0).expected()).contains("S1_2022-23-Q1.xlsx");
      assertThat(caseRefs(store, "intake")).containsExactly("A1", "B1");
      assertThat(rows(store, "intake"))
          .extracting(x -> x.string("client_ref"))
          .containsExactly("C1", "C3");

      // Q1 resent without case A1: the Q2 intake kept aside becomes A1's intake
      store.ingest(
          TestReturns.of("S1", TestReturns.Q1_2022, "_v2")
              .receivedDaysLater(1)
              .intake("B1", "C3")
              .build());
      assertThat(rows(store, "intake"))
          .extracting(x -> x.string("case_ref") + "/" + x.string("client_ref"))
          .containsExactlyInAnyOrder("A1/C5", "B1/C3");
    }
  }

  @Test
  void aReturnPreparedBeforehandIsClassifiedAgainstTheStoreAsItIsWhenIngested() {
    Map<String, Object> extra = new HashMap<>();
    extra.put("case_ref", "B1");
    extra.put("client_ref", "C2");
    extra.put("notes_column", "free text");
    CheckedReturn q2 =
        TestReturns.of("S1", TestReturns.Q2_2022)
            .rowOf("S2", "intake", "Intake", Map.of("case_ref", "X1", "client_ref", "C9"))
            .intake("A1", "C5")
            .row("intake", "Intake", Map.of("client_ref", "C6"))
            .row("intake", "Intake", extra)
            .intake("B1", "C7")
            .exit("A1")
            .exit("Z9")
            .build();
    try (CaseStore store = open()) {
      // prepared while the store is empty; the earlier quarter's intake of A1 arrives before it
      PreparedReturn prepared = store.prepare(q2);
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
      IngestResult result = store.ingest(prepared, IngestProgress.NONE, r -> {});

      // the findings in row order, as an ingest without preparing gives them; dropped columns last
      assertThat(result.findings())
          .extracting(f -> f.code() + " @" + f.location().row())
          .containsExactly(
              "ROW_OF_OTHER_SERVICE @2",
              "INTAKE_ALREADY_STORED @3",
              "NO_CASE_REF @4",
              "CONFLICTING_INTAKE @6",
              "NO_INTAKE_FOR_CASE @3",
              "FIELD_NOT_STORED @5");
      assertThat(store.caseRows("S1", "A1"))
          .extracting(r -> r.row().sheet() + "/" + r.state())
          .containsExactly("intake/current", "intake/conflict", "exit/current");
      assertThat(store.caseRows("S1", "Z9"))
          .extracting(StoredRow::state)
          .containsExactly("unmatched");
    }
  }

  @Test
  void aReturnIsIngestedOnlyByTheStoreThatPreparedIt() {
    CheckedReturn r = TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build();
    try (CaseStore store = open();
        CaseStore other = open()) {
      PreparedReturn prepared = other.prepare(r);
      assertThatThrownBy(() -> store.ingest(prepared, IngestProgress.NONE, x -> {}))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store.history(null)).isEmpty();
    }
  }

  @Test
  void onlySchemaFieldsReachTheStore() {
    Map<String, Object> values = new HashMap<>();
    values.put("case_ref", "A1");
    values.put("client_ref", "C1");
    values.put("client_first_name", "Jo");
    values.put("notes_column", "free text");
    TestReturns t =
        TestReturns.of("S1", TestReturns.Q1_2022)
            .row("intake", "Intake", values)
            .intake("A2", "C2");
    Map<String, Object> second = new HashMap<>(values);
    second.put("case_ref", "A3");
    t.row("intake", "Intake", second).row("unknown_sheet", "Extra", Map.of("case_ref", "A1"));
    try (CaseStore store = open()) {
      IngestResult result = store.ingest(t.build());
      assertThat(result.findings())
          .extracting(f -> f.code() + " " + f.found() + " @" + f.location().row())
          .containsExactlyInAnyOrder(
              "FIELD_NOT_STORED client_first_name (2 rows, first shown) @2",
              "FIELD_NOT_STORED notes_column (2 rows, first shown) @2",
              "SHEET_NOT_STORED unknown_sheet (1 row) @-1");
      assertThat(result.findings()).allMatch(f -> f.severity() == Severity.NOTICE);
      for (StoredRow row : store.caseRows("S1", "A1")) {
        assertThat(row.row().values()).containsOnlyKeys("case_ref", "client_ref");
      }
      assertThat(store.rowCounts()).isEqualTo(Map.of("current", 3L));
    }
  }

  @Test
  void servicesNeverSeeEachOthersCases() {
    try (CaseStore store = open()) {
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
      IngestResult s2 =
          store.ingest(
              TestReturns.of("S2", TestReturns.Q1_2022)
                  .exit("A1")
                  .rowOf("S1", "intake", "Intake", Map.of("case_ref", "Z1", "client_ref", "C"))
                  .build());
      assertThat(codes(s2)).containsExactly("ROW_OF_OTHER_SERVICE", "NO_INTAKE_FOR_CASE");
      assertThat(store.caseForms("S2", "A1")).isEmpty();
      assertThat(store.caseRows("S2", "A1"))
          .extracting(StoredRow::state)
          .containsExactly("unmatched");
      assertThat(store.caseRows("S1", "A1"))
          .extracting(r -> r.row().sheet())
          .containsExactly("intake");
      assertThat(store.caseRows("S1", "Z1")).isEmpty();
    }
  }

  @Test
  void seededSyntheticReturnsReadBackValueForValue() {
    long seed = new Random().nextLong();
    System.out.println("seededSyntheticReturnsReadBackValueForValue seed=" + seed);
    SyntheticReturns gen = new SyntheticReturns(SCHEMA);
    CheckedReturn a = gen.generate("S1", TestReturns.Q1_2022, 1, 60, seed);
    CheckedReturn b = gen.generate("S2", TestReturns.Q2_2022, 1, 40, seed + 1);
    try (CaseStore store = open()) {
      store.ingest(a);
      store.ingest(b);
      for (var sheet : SCHEMA.sheets()) {
        List<FormRow> expected =
            java.util.stream.Stream.concat(a.rows().stream(), b.rows().stream())
                .filter(r -> r.sheet().equals(sheet.ref()))
                .toList();
        List<FormRow> actual = rows(store, sheet.ref());
        assertThat(actual).as("sheet %s, seed %d", sheet.ref(), seed).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i).values())
              .as("sheet %s row %d, seed %d", sheet.ref(), i, seed)
              .isEqualTo(expected.get(i).values());
          assertThat(actual.get(i).location()).isEqualTo(expected.get(i).location());
          assertThat(actual.get(i).service()).isEqualTo(expected.get(i).service());
        }
      }
    }
  }

  /**
   * The answers the report's columns are loaded from ({@code forEachAnswer}: the stored JSON read
   * straight, no row objects) are every row's values, as {@code forEachRow} gives them.
   */
  @Test
  void answersAreTheRowsValues() {
    long seed = new Random().nextLong();
    System.out.println("answersAreTheRowsValues seed=" + seed);
    SyntheticReturns gen = new SyntheticReturns(SCHEMA);
    try (CaseStore store = open()) {
      store.ingest(gen.generate("S1", TestReturns.Q1_2022, 1, 50, seed));
      store.ingest(gen.generate("S2", TestReturns.Q2_2022, 1, 30, seed + 1));
      for (var sheet : SCHEMA.sheets()) {
        List<FormRow> rows = rows(store, sheet.ref());
        List<String> services = new ArrayList<>();
        List<Map<String, Object>> answers = answers(store, sheet.ref(), services);
        assertThat(answers).as("sheet %s, seed %d", sheet.ref(), seed).hasSameSizeAs(rows);
        assertThat(store.caseData().rowCount(sheet.ref()))
            .as("the row count the report's columns are sized by, sheet %s", sheet.ref())
            .isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
          assertThat(answers.get(i))
              .as("sheet %s row %d, seed %d", sheet.ref(), i, seed)
              .isEqualTo(rows.get(i).values());
          assertThat(services.get(i)).isEqualTo(rows.get(i).service());
        }
      }
    }
  }

  /**
   * Rows stored before layouts (migration V9: a JSON object naming each field, no layout) read as
   * they did, beside rows stored since in a layout: every sheet's rows and answers are the returns'
   * values, and a case's forms too. The test writes every stored row back as the object the store
   * wrote before, then ingests another return.
   */
  @Test
  void rowsStoredAsObjectsBeforeLayoutsReadTheSameBesideNewOnes() throws Exception {
    long seed = new Random().nextLong();
    System.out.println("rowsStoredAsObjectsBeforeLayoutsReadTheSameBesideNewOnes seed=" + seed);
    SyntheticReturns gen = new SyntheticReturns(SCHEMA);
    CheckedReturn a = gen.generate("S1", TestReturns.Q1_2022, 1, 40, seed);
    CheckedReturn b = gen.generate("S2", TestReturns.Q2_2022, 1, 30, seed + 1);
    CheckedReturn c = gen.generate("S1", TestReturns.Q2_2022, 41, 30, seed + 2);
    String someCase;
    List<StoredRow> caseBefore;
    try (CaseStore store = open()) {
      store.ingest(a);
      store.ingest(b);
      someCase = rows(store, "intake").get(7).string("case_ref");
      caseBefore = store.caseRows("S1", someCase);
    }
    int objects = 0;
    try (Connection db = connect();
        Statement s = db.createStatement()) {
      Map<Long, List<String>> layouts = new java.util.HashMap<>();
      Map<Long, List<List<String>>> codeLists = new java.util.HashMap<>();
      try (ResultSet rs =
          s.executeQuery("SELECT layout_id, field_ids, code_lists FROM row_layout")) {
        while (rs.next()) {
          layouts.put(rs.getLong(1), RowLayouts.fieldIds(rs.getString(2)));
          codeLists.put(rs.getLong(1), RowLayouts.codeLists(rs.getString(3)));
        }
      }
      List<Object[]> rewritten = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("SELECT return_id, seq, sheet_ref, row_values, layout_id FROM case_row")) {
        while (rs.next()) {
          var sheet = SCHEMA.sheet(rs.getString(3)).orElseThrow();
          RowCodec codec = new RowCodec(sheet);
          Map<String, Object> values =
              codec.decode(
                  rs.getString(4),
                  codec.layoutOf(layouts.get(rs.getLong(5)), codeLists.get(rs.getLong(5))));
          rewritten.add(
              new Object[] {
                rs.getLong(1), rs.getInt(2), JsonTextTest.jacksonObjectRow(sheet, values)
              });
        }
      }
      try (PreparedStatement ps =
          db.prepareStatement(
              "UPDATE case_row SET row_values = ?, layout_id = NULL WHERE return_id = ? AND seq"
                  + " = ?")) {
        for (Object[] r : rewritten) {
          ps.setString(1, (String) r[2]);
          ps.setLong(2, (Long) r[0]);
          ps.setInt(3, (Integer) r[1]);
          objects += ps.executeUpdate();
        }
      }
    }
    assertThat(objects).isGreaterThan(100);
    try (CaseStore store = open()) {
      assertThat(store.caseRows("S1", someCase))
          .as("a case's forms, seed %d", seed)
          .isEqualTo(caseBefore);
      store.ingest(c);
      for (var sheet : SCHEMA.sheets()) {
        List<FormRow> expected =
            java.util.stream.Stream.of(a, b, c)
                .flatMap(r -> r.rows().stream())
                .filter(r -> r.sheet().equals(sheet.ref()))
                .toList();
        List<FormRow> actual = rows(store, sheet.ref());
        List<String> services = new ArrayList<>();
        List<Map<String, Object>> answers = answers(store, sheet.ref(), services);
        assertThat(actual).as("sheet %s, seed %d", sheet.ref(), seed).hasSize(expected.size());
        assertThat(answers).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i).values())
              .as("sheet %s row %d, seed %d", sheet.ref(), i, seed)
              .isEqualTo(expected.get(i).values());
          assertThat(answers.get(i))
              .as("sheet %s answers %d, seed %d", sheet.ref(), i, seed)
              .isEqualTo(expected.get(i).values());
          assertThat(actual.get(i).location()).isEqualTo(expected.get(i).location());
        }
      }
    }
    try (Connection db = connect();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), SUM(CASE WHEN layout_id IS NULL THEN 1 ELSE 0 END) FROM"
                    + " case_row")) {
      rs.next();
      assertThat(rs.getLong(2)).as("rows still stored as objects").isEqualTo(objects);
      assertThat(rs.getLong(1)).as("and rows stored since, in a layout").isGreaterThan(objects);
    }
  }

  /** A plain connection to the store, beside the store's own. */
  Connection connect() throws SQLException {
    return location.startsWith("jdbc:")
        ? DriverManager.getConnection(location)
        : DriverManager.getConnection("jdbc:sqlite:" + location);
  }

  /**
   * Every current row of a sheet as the report's columns are loaded ({@code forEachAnswer}): its
   * answers, and its service added to {@code services}.
   */
  static List<Map<String, Object>> answers(CaseStore store, String sheet, List<String> services) {
    List<Map<String, Object>> answers = new ArrayList<>();
    store
        .caseData()
        .forEachAnswer(
            sheet,
            new org.idva.insights.model.AnswerSink() {
              private Map<String, Object> row;

              @Override
              public void row(String service) {
                services.add(service);
                row = new java.util.LinkedHashMap<>();
                answers.add(row);
              }

              @Override
              public void text(String field, String value) {
                row.put(field, value);
              }

              @Override
              public void integer(String field, long value) {
                row.put(field, value);
              }

              @Override
              public void decimal(String field, java.math.BigDecimal value) {
                row.put(field, value);
              }

              @Override
              public void date(String field, java.time.LocalDate value) {
                row.put(field, value);
              }

              @Override
              @SuppressWarnings("unchecked")
              public void tick(String field, String code) {
                ((java.util.Set<String>)
                        row.computeIfAbsent(field, k -> new java.util.LinkedHashSet<String>()))
                    .add(code);
              }
            });
    return answers;
  }

  @Test
  void twoRunsAtOnceAreSerialised() throws Exception {
    SyntheticReturns gen = new SyntheticReturns(SCHEMA);
    List<CheckedReturn> returns = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      returns.add(
          gen.generate(
              "P" + (i % 2),
              new org.idva.insights.model.ReportingQuarter(2022, 1 + i / 2),
              1 + 1000 * i,
              150,
              i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        List<CheckedReturn> mine = new ArrayList<>(returns);
        if (t == 1) {
          java.util.Collections.reverse(mine);
        }
        Callable<Integer> run =
            () -> {
              int added = 0;
              try (CaseStore store = open()) {
                for (CheckedReturn r : mine) {
                  added += store.ingest(r).outcome().changedData() ? 1 : 0;
                }
              }
              return added;
            };
        runs.add(pool.submit(run));
      }
      int added = 0;
      for (Future<Integer> f : runs) {
        added += f.get(120, TimeUnit.SECONDS);
      }
      assertThat(added).isEqualTo(returns.size());
    } finally {
      pool.shutdownNow();
    }
    try (CaseStore store = open()) {
      assertThat(store.history(null)).hasSize(returns.size());
      long expected = returns.stream().mapToLong(r -> r.rows().size()).sum();
      assertThat(store.rowCounts()).isEqualTo(Map.of("current", expected));
    }
  }

  @Test
  void aSecondRunStopsWithAClearMessageWhenTheStoreStaysLocked() throws Exception {
    CheckedReturn r = TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build();
    try (CaseStore store =
        CaseStore.open(StoreConfig.of(location, SCHEMA).withLockWait(Duration.ofMillis(300)))) {
      try (AutoCloseable lock = holdWriteLock(location)) {
        assertThatThrownBy(() -> store.ingest(r))
            .isInstanceOf(StoreBusyException.class)
            .hasMessageContaining("in use by another run")
            .hasMessageContaining("Nothing was changed");
      }
      assertThat(store.history(null)).isEmpty();
      assertThat(store.ingest(r).outcome()).isEqualTo(IngestResult.Outcome.ADDED);
    }
  }

  @Test
  void aSecondWriterWaitsForTheFirstAndGetsTheLockWhenItIsReleased() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (CaseStore store = open()) {
      WriterLock first = store.lockForWriting(Duration.ofSeconds(1), "first writer");
      Future<String> second =
          pool.submit(
              () -> {
                try (CaseStore other = open();
                    WriterLock lock = other.lockForWriting(Duration.ofSeconds(30), "second")) {
                  return lock.holder();
                }
              });
      Thread.sleep(300); // let the second writer start waiting (not a timing assertion)
      assertThat(second.isDone())
          .as("second writer waits while the first holds the lock")
          .isFalse();
      first.close();
      first.close(); // closing twice is harmless
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("second");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondWriterGivesUpAfterItsWaitNamingTheHolder() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (CaseStore store = open();
        WriterLock first =
            store.lockForWriting(Duration.ofSeconds(1), "insights run, pid 1 on host h")) {
      Future<Throwable> second =
          pool.submit(
              () -> {
                try (CaseStore other = open();
                    WriterLock lock = other.lockForWriting(Duration.ofMillis(300), "second")) {
                  return null;
                } catch (StoreBusyException e) {
                  return e;
                }
              });
      assertThat(second.get(30, TimeUnit.SECONDS))
          .isInstanceOf(StoreBusyException.class)
          .hasMessageContaining("in use by insights run, pid 1 on host h")
          .hasMessageContaining("Nothing was changed");
      // the holder itself may take the lock again (a run that also ingests) and still ingest
      try (WriterLock again = store.lockForWriting(Duration.ZERO, "nested")) {
        assertThat(again.holder()).isEqualTo("insights run, pid 1 on host h");
        store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
      }
      assertThat(store.history(null)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherProcessHoldingTheLockIsNamedAndItsDeathReleasesIt() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WriterLockChild.class.getName(),
                location)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (CaseStore store = open()) {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("LOCKED");
      assertThatThrownBy(() -> store.lockForWriting(Duration.ofMillis(300), "parent"))
          .isInstanceOf(StoreBusyException.class)
          .hasMessageContaining("lock test child, pid " + child.pid());
      child.destroyForcibly(); // kill -9: the operating system or the server frees its lock
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      try (WriterLock lock = store.lockForWriting(Duration.ofSeconds(30), "parent")) {
        assertThat(lock.holder()).isEqualTo("parent");
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void killedMidIngestLeavesTheStoreAsItWasAndTheNextRunCompletes() throws Exception {
    try (CaseStore store = open()) {
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
    }
    int cases = 3000;
    Process child = startChild(cases);
    List<String> seen = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        seen.add(line);
        if (line.equals("PAUSED")) {
          child.destroyForcibly(); // kill -9 with rows written but not committed
          break;
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).as("child output").contains("ROWS " + IngestChild.PAUSE_AT, "PAUSED");
    assertThat(seen).noneMatch(l -> l.startsWith("DONE"));
    try (CaseStore store = open()) {
      assertThat(store.history(null)).extracting(StoredReturn::service).containsExactly("S1");
      assertThat(store.rowCounts()).isEqualTo(Map.of("current", 1L));
    }

    Process again = startChild(cases);
    again.getOutputStream().close(); // no pause: run to the end
    String output = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(again.exitValue()).as(output).isZero();
    assertThat(output).contains("DONE ADDED");
    try (CaseStore store = open()) {
      assertThat(store.history(null))
          .extracting(StoredReturn::service)
          .containsExactly("S1", "KILL");
      assertThat(store.intakeCaseRefs("KILL")).contains("KILL-000001");
      assertThat(caseRefs(store, "intake")).hasSize(cases + 1);
    }
  }

  private Process startChild(int cases) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            IngestChild.class.getName(),
            location,
            Integer.toString(cases));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  @Test
  void webAccountsSessionsUploadsAndAuditAreKept() {
    try (CaseStore store = open()) {
      Account lead = store.accounts().add("Lead@North.example", "SVC01", false, "hash-1");
      Account analyst = store.accounts().add("analyst@insights.example", null, true, "hash-2");
      assertThat(store.accounts().find("lead@north.EXAMPLE")).hasValue(lead);
      assertThat(store.accounts().list())
          .extracting(Account::role)
          .containsExactly("analyst", "SVC01");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> store.accounts().add("lead@north.example", "SVC02", false, "x"))
          .isInstanceOf(StoreException.class);
      java.time.Instant now = java.time.Instant.parse("2026-12-05T10:00:00Z");
      store.sessions().start("token-hash", lead.id(), "csrf", now);
      assertThat(store.sessions().find("token-hash"))
          .hasValueSatisfying(
              s -> {
                assertThat(s.account()).isEqualTo(lead);
                assertThat(s.csrfToken()).isEqualTo("csrf");
              });
      store.accounts().setPassword(lead.id(), "hash-3");
      assertThat(store.sessions().find("token-hash")).as("a reset ends sessions").isEmpty();
      store.accounts().setDisabled(analyst.id(), true);
      assertThat(store.accounts().find(analyst.id()).orElseThrow().disabled()).isTrue();

      org.idva.insights.model.Finding query =
          new org.idva.insights.model.Finding(
              org.idva.insights.model.Severity.QUERY,
              "DATE_OUTSIDE_QUARTER",
              new SourceLocation("r.xlsx", "Review", 2, 1),
              "20/07/2022",
              "a date in 2022-23 Q1",
              "Check the date");
      Upload u =
          store
              .uploads()
              .record(
                  new Upload(
                      0,
                      "SVC01",
                      "2022-23 Q1",
                      lead.email(),
                      "r.xlsx",
                      "abc",
                      now,
                      ReturnStatus.ACCEPTED_WITH_QUERIES,
                      "added",
                      false,
                      0,
                      1,
                      null,
                      List.of(new Upload.Item(0, query, "C001", "review_date"))));
      assertThat(u.id()).isEqualTo(1);
      Upload back = store.uploads().find(u.id()).orElseThrow();
      assertThat(back.findings())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.finding()).isEqualTo(query);
                assertThat(i.explainable()).isTrue();
              });
      assertThat(store.uploads().findBySha256("SVC01", "abc")).isPresent();
      assertThat(store.uploads().findBySha256("SVC02", "abc")).isEmpty();
      store.audit().record(lead.email(), "127.0.0.1", "upload", "SVC01", "upload 1");
      store.audit().record("x@y.example", "127.0.0.2", "sign-in failed", null, "");
      assertThat(store.audit().latest(0))
          .extracting(AuditEvent::action)
          .containsExactly("upload", "sign-in failed");
      assertThat(store.audit().latest(1))
          .extracting(AuditEvent::action)
          .containsExactly("sign-in failed");
    }
  }
}
