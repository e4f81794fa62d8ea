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
          assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.NUMERIC);
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
          .contains("Expected:")
          .contains("Fix:");
      assertThat(marked.getCellType()).isEqualTo(CellType.STRING);
      assertThat(
              wb.getSheet("Intake").getRow(3).getCell(6).getCellComment().getString().getString())
          .contains("OUT_OF_RANGE");
    }
    String text = Files.readString(out.text());
    assertThat(text)
        .contains("Status: Partially accepted")
        .contains("Title of CODE_NOT_IN_LIST")
        .contains("sheet Intake, cell E3");
    String html = Files.readString(out.html());
    assertThat(html).contains("Partially accepted").doesNotContain("=HYPERLINK(\"");
    assertThat(html).contains("=HYPERLINK(&quot;http://x.example&quot;");
    assertThat(text).contains("found \"'=HYPERLINK(");
  }

  @Test
  void serviceFoldersAreSafe() {
    assertThat(Feedback.serviceFolder("../SVC01")).isEqualTo("___SVC01");
    assertThat(Feedback.serviceFolder(null)).isEqualTo("unknown-service");
  }
}
