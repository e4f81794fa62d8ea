package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.fixtures.Checking;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes feedback for a return with known defects and reads it back with POI. */
class FeedbackTest {
  static Schema schema;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    schema = SchemaLoader.loadDefault();
  }

  @Test
  void copiesTheReturnWithMarkedCellsAnIssuesSheetAndAMessage() throws Exception {
    TestReturn r = new TestReturn(schema, "SVC01", 3);
    r.rows("Intake").get(1).put("Referral route", "=HYPERLINK(\"http://x.example\",\"click\")");
    r.rows("Intake").get(2).put("Client age", 140);
    Path file = r.write(dir.resolve("SVC01_2022-23-Q1.xlsx"));
    CheckedReturn checked = Checking.check(schema, file);
    Feedback.Files out =
        new Feedback(code -> "Title of " + code).write(dir.resolve("feedback"), file, checked);

    assertThat(out.workbook())
        .isEqualTo(dir.resolve("feedback/SVC01/SVC01_2022-23-Q1-checked.xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.workbook()))) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Issues");
      assertThat(wb.getSheet("Intake")).isNotNull();
      XSSFSheet issues = wb.getSheet("Issues");
      boolean sawInjection = false;
      int links = 0;
      for (Row row : issues) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.NUMERIC, CellType.BLANK);
          if (cell.getCellType() == CellType.STRING
              && cell.getStringCellValue().startsWith("=HYPERLINK")) {
            sawInjection = true;
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
          }
          if (cell.getHyperlink() != null) {
            links++;
          }
        }
      }
      assertThat(sawInjection).isTrue();
      assertThat(links).isEqualTo(2);
      Cell marked = wb.getSheet("Intake").getRow(2).getCell(4);
      assertThat(marked.getCellComment().getString().getString())
          .contains("CODE_NOT_IN_LIST")
          .contains("Question: Referral route")
          .contains("Case: C002")
          .contains("Expected:")
          .contains("How to put it right:");
      assertThat(marked.getCellType()).isEqualTo(CellType.STRING);
      assertThat(
              wb.getSheet("Intake").getRow(3).getCell(6).getCellComment().getString().getString())
          .contains("OUT_OF_RANGE");
    }
    String text = Files.readString(out.text());
    assertThat(text)
        .contains("Status: Partially accepted")
        .contains("Title of CODE_NOT_IN_LIST")
        .contains("sheet Intake, cell E3, case C002, question 'Referral route'");
    String html = Files.readString(out.html());
    assertThat(html).contains("Partially accepted").doesNotContain("=HYPERLINK(\"");
    assertThat(html).contains("=HYPERLINK(&quot;http://x.example&quot;");
    assertThat(text).contains("found \"'=HYPERLINK(");
  }

  @Test
  void severalFindingsOnOneCellAndOnNeighbouringCellsMakeOneCommentEach() throws Exception {
    TestReturn r = new TestReturn(schema, "SVC01", 3);
    // Before the intake date (C001's intake is the quarter's 2nd day) and outside the quarter.
    r.rows("Exit").get(0).put("Exit date", TestReturn.QUARTER.firstDay().minusDays(10));
    // Two bad neighbours on one row: Referral status (D) and Referral route (E).
    r.rows("Intake").get(1).put("Referral status", "Nope");
    r.rows("Intake").get(1).put("Referral route", "Polise");
    // The checks flag B2 (a date that is not a date) before A2 (no intake for C999): a comment
    // anchored beside its cell would land on B2's.
    r.rows("Review").get(0).put("Case ref", "C999");
    r.rows("Review").get(0).put("Review date", "soon");
    Path file = r.write(dir.resolve("SVC01_2022-23-Q1.xlsx"));
    CheckedReturn checked = Checking.check(schema, file);
    Feedback.Files out = new Feedback(code -> "Title of " + code).write(dir, file, checked);
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.workbook()))) {
      assertThat(wb.getSheet("Review").getCellComments()).hasSize(2);
      var exitComments = wb.getSheet("Exit").getCellComments();
      assertThat(exitComments).hasSize(1);
      String text = exitComments.values().iterator().next().getString().getString();
      assertThat(text)
          .startsWith("2 findings on this cell")
          .contains("EXIT_BEFORE_INTAKE")
          .contains("DATE_OUTSIDE_QUARTER");
      var intake = wb.getSheet("Intake");
      assertThat(intake.getRow(2).getCell(3).getCellComment().getString().getString())
          .contains("Question: Referral status");
      assertThat(intake.getRow(2).getCell(4).getCellComment().getString().getString())
          .contains("Question: Referral route");
    }
  }

  @Test
  void issuesSheetSaysWhatToDoAndListsBySeverityThenSheetAndRow() throws Exception {
    TestReturn r = new TestReturn(schema, "SVC01", 4);
    r.rows("Exit").get(0).put("Exit date", TestReturn.QUARTER.lastDay().plusDays(5));
    r.rows("Intake").get(3).put("Client age", 140);
    r.rows("Intake").get(1).put("Referral route", "Polise");
    Path file = r.write(dir.resolve("SVC01_2022-23-Q1.xlsx"));
    CheckedReturn checked = Checking.check(schema, file);
    Feedback.Files out = new Feedback(code -> "Title of " + code).write(dir, file, checked);
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.workbook()))) {
      XSSFSheet issues = wb.getSheet("Issues");
      assertThat(issues.getRow(1).getCell(0).getStringCellValue())
          .isEqualTo(
              "What to do next: Correct 2 errors and send the whole return again: rows with"
                  + " errors were left out, the rest was used. Explain or correct 1 query as"
                  + " well.");
      int head = issues.getPaneInformation().getHorizontalSplitTopRow() - 1;
      Row header = issues.getRow(head);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Severity");
      assertThat(header.getCell(9).getStringCellValue()).isEqualTo("Your explanation");
      assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue())
          .isEqualTo("Check code");
      assertThat(issues.getCTWorksheet().getAutoFilter().getRef()).startsWith("A" + (head + 1));
      assertThat(issues.getRepeatingRows()).isNotNull();
      assertThat(issues.getFitToPage()).isTrue();
      java.util.List<String> listed = new java.util.ArrayList<>();
      for (int i = head + 1; i <= issues.getLastRowNum(); i++) {
        Row row = issues.getRow(i);
        listed.add(
            row.getCell(0).getStringCellValue()
                + " "
                + row.getCell(1).getStringCellValue()
                + " "
                + row.getCell(2).getStringCellValue());
      }
      assertThat(listed).containsExactly("Error Intake E3", "Error Intake G5", "Query Exit B2");
    }
  }

  @Test
  void serviceFoldersAreSafe() {
    assertThat(Feedback.serviceFolder("../SVC01")).isEqualTo("___SVC01");
    assertThat(Feedback.serviceFolder(null)).isEqualTo("unknown-service");
  }
}
