package org.idva.insights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.Finding;
import org.idva.insights.model.IssuesSheet;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.idva.insights.store.StoredQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explain instead of fix: a service types an explanation beside a query on the Issues sheet and
 * sends the checked workbook back as its return; the explanation is stored with the answer, the
 * query shows Explained, and it follows the same answer into later returns until the value changes.
 * Errors cannot be explained.
 */
class QueryExplanationsTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final String NAME = "SVC01_2022-23-Q1.xlsx";
  static final Instant T0 = Instant.parse("2022-07-10T09:00:00Z");

  @TempDir Path dir;
  CaseStore store;
  Pipeline pipeline;
  int sent;

  @BeforeEach
  void open() {
    store = CaseStore.open(StoreConfig.of(dir.resolve("store.db").toString(), SCHEMA));
    pipeline = new Pipeline(SCHEMA, store, null, dir.resolve("feedback"), null);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** A return with one query (a review date after the quarter) and one error (a bad age). */
  private static TestReturn withQueryAndError(int reviewDaysAfter) {
    TestReturn r = new TestReturn(SCHEMA, "SVC01", 3);
    r.rows("Review")
        .get(0)
        .put("Review date", TestReturn.QUARTER.lastDay().plusDays(reviewDaysAfter));
    r.rows("Intake").get(2).put("Client age", 140);
    return r;
  }

  private Receipt submit(Path file) throws Exception {
    sent++;
    return pipeline.submit(
        new Submission(
            file, NAME, Channel.MAIL, T0.plusSeconds(60L * sent), "lead@north", "SVC01"));
  }

  private Path write(TestReturn r) throws Exception {
    return r.write(Files.createDirectories(dir.resolve("sent" + sent)).resolve(NAME));
  }

  /** Types {@code text} beside every listed finding of this severity on the Issues sheet. */
  private Path explain(Path checked, String severity, String text) throws Exception {
    Path back =
        Files.createDirectories(dir.resolve("back" + sent))
            .resolve("SVC01_2022-23-Q1-checked.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(checked))) {
      Sheet issues = wb.getSheet(IssuesSheet.NAME);
      int head = issues.getPaneInformation().getHorizontalSplitTopRow() - 1;
      int col = IssuesSheet.COLUMNS.indexOf(IssuesSheet.EXPLANATION);
      for (int i = head + 1; i <= issues.getLastRowNum(); i++) {
        Row row = issues.getRow(i);
        if (row.getCell(0).getStringCellValue().equals(severity)) {
          row.getCell(col, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(text);
        }
      }
      try (OutputStream out = Files.newOutputStream(back)) {
        wb.write(out);
      }
    }
    return back;
  }

  private static List<Finding> queries(Receipt r) {
    return r.checked().findings().stream().filter(f -> f.severity() == Severity.QUERY).toList();
  }

  private static List<String> issuesColumn(Path workbook, String column) throws Exception {
    List<String> out = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
      Sheet issues = wb.getSheet(IssuesSheet.NAME);
      int head = issues.getPaneInformation().getHorizontalSplitTopRow() - 1;
      int col = IssuesSheet.COLUMNS.indexOf(column);
      for (int i = head + 1; i <= issues.getLastRowNum(); i++) {
        out.add(issues.getRow(i).getCell(col).toString());
      }
    }
    return out;
  }

  @Test
  void anExplainedQueryStaysWithItsAnswerUntilTheValueChanges() throws Exception {
    Receipt first = submit(write(withQueryAndError(5)));
    assertThat(first.status()).isEqualTo(ReturnStatus.PARTIALLY_ACCEPTED);
    assertThat(queries(first))
        .singleElement()
        .satisfies(q -> assertThat(q.isExplained()).isFalse());
    assertThat(store.queries().list("SVC01"))
        .singleElement()
        .satisfies(q -> assertThat(q.isExplained()).isFalse());

    // The service explains the query, and also tries to explain the error away.
    Path back = explain(first.checkedWorkbook(), IssuesSheet.QUERY, "Review held early in July");
    back = explain(back, "Error", "The client is very old");
    Receipt second = submit(back);
    assertThat(second.checked().findings())
        .extracting(Finding::code)
        .doesNotContain("UNKNOWN_SHEET", "FILE_NAME_UNEXPECTED");
    assertThat(queries(second))
        .singleElement()
        .satisfies(q -> assertThat(q.isExplained()).isTrue());
    assertThat(second.checked().findings())
        .filteredOn(f -> f.severity() == Severity.ERROR)
        .allSatisfy(f -> assertThat(f.isExplained()).isFalse());
    assertThat(second.status()).isEqualTo(ReturnStatus.PARTIALLY_ACCEPTED);
    List<Explanation> stored = store.explanations().list("SVC01");
    assertThat(stored)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.sheet()).isEqualTo("Review");
              assertThat(e.caseRef()).isEqualTo("C001");
              assertThat(e.field()).isEqualTo("review_date");
              assertThat(e.text()).isEqualTo("Review held early in July");
              assertThat(e.by()).isEqualTo("lead@north");
            });
    assertThat(issuesColumn(second.checkedWorkbook(), IssuesSheet.SEVERITY))
        .contains("Explained")
        .doesNotContain("Query");
    assertThat(issuesColumn(second.checkedWorkbook(), IssuesSheet.EXPLANATION))
        .contains(IssuesSheet.KEPT);
    assertThat(Files.readString(second.messageText())).doesNotContain("Review held early");
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(second.checkedWorkbook()))) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo(IssuesSheet.NAME);
      assertThat(wb.getSheet("Issues 2")).isNull();
      // One comment per marked cell, not the earlier check's plus the new one.
      assertThat(wb.getSheet("Review").getCellComments()).hasSize(1);
      assertThat(
              wb.getSheet("Review")
                  .getCellComments()
                  .values()
                  .iterator()
                  .next()
                  .getString()
                  .getString())
          .doesNotContain("\n\n");
    }
    assertThat(store.queries().list("SVC01"))
        .singleElement()
        .satisfies(q -> assertThat(q.isExplained()).isTrue());

    // The error corrected: only the explained query is left, so the return is no longer
    // "Accepted with queries".
    TestReturn corrected = withQueryAndError(5);
    corrected.rows("Intake").get(2).put("Client age", 40);
    Receipt third = submit(write(corrected));
    assertThat(third.status()).isEqualTo(ReturnStatus.EXPLAINED);
    assertThat(queries(third)).singleElement().satisfies(q -> assertThat(q.isExplained()).isTrue());

    // The value changes: the explanation no longer applies.
    TestReturn changed = withQueryAndError(9);
    changed.rows("Intake").get(2).put("Client age", 40);
    Receipt fourth = submit(write(changed));
    assertThat(fourth.status()).isEqualTo(ReturnStatus.ACCEPTED_WITH_QUERIES);
    assertThat(queries(fourth))
        .singleElement()
        .satisfies(q -> assertThat(q.isExplained()).isFalse());
    assertThat(store.queries().list(null))
        .singleElement()
        .satisfies(q -> assertThat(q.isExplained()).isFalse());
    assertThat(store.queries().countsByService()).containsOnlyKeys("SVC01");
    assertThat(store.queries().countsByService().get("SVC01")).containsExactly(1, 0);
  }

  @Test
  void aQueryExplainedOnTheWebShowsExplainedToo() throws Exception {
    TestReturn r = withQueryAndError(5);
    r.rows("Intake").get(2).put("Client age", 40);
    Receipt first = submit(write(r));
    assertThat(first.status()).isEqualTo(ReturnStatus.ACCEPTED_WITH_QUERIES);
    Finding q = queries(first).get(0);
    store
        .explanations()
        .record(
            new Explanation(
                "SVC01",
                q.location().sheet(),
                q.caseRef(),
                q.field(),
                q.found(),
                "Typed on the web page",
                "lead@north",
                "web",
                Instant.now()));
    StoredQuery listed = store.queries().list("SVC01").get(0);
    assertThat(listed.isExplained()).isTrue();
    assertThat(store.queries().countsByService()).containsOnlyKeys("SVC01");
    assertThat(store.queries().countsByService().get("SVC01")).containsExactly(0, 1);
    r.rows("Intake").get(1).put("Client age", 41); // another file, the same query
    Receipt again = submit(write(r));
    assertThat(again.status()).isEqualTo(ReturnStatus.EXPLAINED);
    assertThat(issuesColumn(again.checkedWorkbook(), IssuesSheet.SEVERITY))
        .containsExactly("Explained");
    assertThat(Map.of("summary", again.summary()))
        .extractingByKey("summary")
        .asString()
        .contains("Accepted, queries explained");
  }

  @Test
  void theOneLineSummaryOfARejectedReturnSaysWhy() throws Exception {
    TestReturn r = new TestReturn(SCHEMA, "SVC01", 2);
    r.edit(wb -> wb.removeSheetAt(wb.getSheetIndex("Exit")));
    Receipt rejected = submit(write(r));
    assertThat(rejected.status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(rejected.summary())
        .contains("Rejected")
        .contains("because: Missing sheet (sheet Exit)");
    Receipt accepted = submit(write(new TestReturn(SCHEMA, "SVC01", 2)));
    assertThat(accepted.summary()).doesNotContain("because");
  }

  @Test
  void aCellCorrectedInTheCheckedWorkbookIsNoLongerMarked() throws Exception {
    Receipt first = submit(write(withQueryAndError(5)));
    Path back =
        Files.createDirectories(dir.resolve("fixed")).resolve("SVC01_2022-23-Q1-checked.xlsx");
    int age;
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(first.checkedWorkbook()))) {
      Sheet intake = wb.getSheet("Intake");
      age = -1;
      for (org.apache.poi.ss.usermodel.Cell c : intake.getRow(0)) {
        if (c.getStringCellValue().equals("Client age")) {
          age = c.getColumnIndex();
        }
      }
      assertThat(intake.getRow(3).getCell(age).getCellComment()).isNotNull();
      intake.getRow(3).getCell(age).setCellValue(40);
      try (OutputStream out = Files.newOutputStream(back)) {
        wb.write(out);
      }
    }
    Receipt second = submit(back);
    assertThat(second.status()).isEqualTo(ReturnStatus.ACCEPTED_WITH_QUERIES);
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(second.checkedWorkbook()))) {
      var cell = wb.getSheet("Intake").getRow(3).getCell(age);
      assertThat(cell.getCellComment()).isNull();
      assertThat(cell.getCellStyle().getFillPattern())
          .isEqualTo(org.apache.poi.ss.usermodel.FillPatternType.NO_FILL);
    }
  }
}
