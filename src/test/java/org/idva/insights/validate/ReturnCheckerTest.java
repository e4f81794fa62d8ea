package org.idva.insights.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.apache.poi.ss.usermodel.Workbook;
import org.idva.insights.fixtures.Checking;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.ingest.WorkbookReader;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReturnOrigin;
import org.idva.insights.model.ReturnReadException;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnCheckerTest {
  static Schema schema;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    schema = SchemaLoader.loadDefault();
  }

  private CheckedReturn check(TestReturn r) throws Exception {
    return Checking.check(schema, r.write(dir.resolve("SVC01_2022-23-Q1.xlsx")));
  }

  @Test
  void aValidReturnIsAcceptedWithEveryRowAsCodes() throws Exception {
    CheckedReturn c = check(new TestReturn(schema, "SVC01", 5));
    assertThat(c.findings()).isEmpty();
    assertThat(c.status()).isEqualTo(ReturnStatus.ACCEPTED);
    assertThat(c.rows()).hasSize(7);
    FormRow first = c.rows().get(0);
    assertThat(first.sheet()).isEqualTo("intake");
    assertThat(first.service()).isEqualTo("SVC01");
    assertThat(first.get("case_ref")).isEqualTo("C001");
    assertThat(first.get("referral_status")).isEqualTo("new_client");
    assertThat(first.get("client_age")).isEqualTo(31L);
    assertThat(first.get("intake_date")).isEqualTo(LocalDate.of(2022, 4, 2));
    assertThat(first.location().row()).isEqualTo(2);
    assertThat(c.info().sha256()).hasSize(64);
    assertThat(c.info().quarter()).isEqualTo(TestReturn.QUARTER);
  }

  @Test
  void theFilesHashIsTheOneItsOriginBringsElseItsBytesOwn() throws Exception {
    Path file = new TestReturn(schema, "SVC01", 2).write(dir.resolve("SVC01_2022-23-Q1.xlsx"));
    ReturnChecker checker = new ReturnChecker(schema);
    String own = ReturnChecker.sha256(file);
    Instant received = Instant.parse("2022-07-01T09:00:00Z");
    try (RawWorkbook wb = new WorkbookReader().open(file)) {
      ReturnOrigin known = new ReturnOrigin("SVC01_2022-23-Q1.xlsx", received, "ab".repeat(32));
      assertThat(checker.check(file, known, wb).info().sha256()).isEqualTo("ab".repeat(32));
    }
    try (RawWorkbook wb = new WorkbookReader().open(file)) {
      ReturnOrigin unknown = new ReturnOrigin("SVC01_2022-23-Q1.xlsx", received);
      assertThat(checker.check(file, unknown, wb).info().sha256()).isEqualTo(own).hasSize(64);
    }
    Path broken = Files.write(dir.resolve("SVC01_2022-23-Q2.xlsx"), new byte[] {1, 2, 3});
    ReturnOrigin known = new ReturnOrigin("SVC01_2022-23-Q2.xlsx", received, "cd".repeat(32));
    try (RawWorkbook wb = new WorkbookReader().open(broken)) {
      throw new AssertionError("read a file that is not a workbook");
    } catch (ReturnReadException e) {
      assertThat(checker.unreadable(broken, known, e).info().sha256()).isEqualTo("cd".repeat(32));
    }
  }

  @Test
  void tolerantHeadersAnyOrderTextNumbersAndTextDates() throws Exception {
    TestReturn r = new TestReturn(schema, "SVC01", 2);
    r.rows("Intake").get(0).put("Client age", " 42 ");
    r.rows("Intake").get(0).put("Intake date", "15/05/2022");
    r.rows("Intake").get(1).put("Intake date", "16-May-2022");
    r.rows("Intake").get(1).put("Referral status", "new  CLIENT");
    r.rows("Intake").get(1).put("CYPS involvement: " + label("cyps_involvement", 0), "Yes");
    r.edit(
        wb -> {
          var row = wb.getSheet("Intake").getRow(0);
          row.getCell(0).setCellValue("CASE REFERENCE");
          row.getCell(2).setCellValue("intake\u00a0date ");
          // swap two columns: Client ref and Referral status
          String b = row.getCell(1).getStringCellValue();
          row.getCell(1).setCellValue(row.getCell(3).getStringCellValue());
          row.getCell(3).setCellValue(b);
          for (int i = 1; i <= 2; i++) {
            var data = wb.getSheet("Intake").getRow(i);
            String v1 = data.getCell(1).getStringCellValue();
            data.getCell(1).setCellValue(data.getCell(3).getStringCellValue());
            data.getCell(3).setCellValue(v1);
          }
        });
    CheckedReturn c = check(r);
    assertThat(c.findings())
        .extracting(Finding::code)
        .containsOnly("HEADER_MATCHED", "CODE_LABEL_TOLERATED");
    assertThat(c.status()).isEqualTo(ReturnStatus.ACCEPTED);
    FormRow a = c.rows().get(0);
    FormRow b = c.rows().get(1);
    assertThat(a.get("client_age")).isEqualTo(42L);
    assertThat(a.get("client_ref")).isEqualTo("P001");
    assertThat(a.get("intake_date")).isEqualTo(LocalDate.of(2022, 5, 15));
    assertThat(b.get("intake_date")).isEqualTo(LocalDate.of(2022, 5, 16));
    assertThat(b.get("referral_status")).isEqualTo("new_client");
    assertThat(b.get("cyps_involvement")).isInstanceOf(Set.class);
  }

  @Test
  void sheetsInAnyOrderAndThe1904DateSystem() throws Exception {
    TestReturn r = new TestReturn(schema, "SVC01", 2);
    r.edit(
        wb -> {
          var x = (org.apache.poi.xssf.usermodel.XSSFWorkbook) wb;
          x.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
          wb.setSheetOrder("Exit", 0);
          wb.setSheetOrder("About", 3);
          wb.setSheetName(wb.getSheetIndex("Review"), " review ");
          // every date as a serial counted from 01/01/1904 (1,462 days fewer than from 1900)
          for (var sheet : wb) {
            for (var row : sheet) {
              for (var cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                    && cell.getCellStyle().getDataFormatString().contains("yy")) {
                  cell.setCellValue(cell.getNumericCellValue() - 1462);
                }
              }
            }
          }
        });
    CheckedReturn c = check(r);
    assertThat(c.findings()).isEmpty();
    assertThat(c.rows())
        .extracting(FormRow::sheet)
        .containsExactly("intake", "intake", "review", "exit");
    assertThat(c.rows().get(0).get("intake_date")).isEqualTo(LocalDate.of(2022, 4, 2));
  }

  @Test
  void rowsWithErrorsAreLeftOutAndTheRestKept() throws Exception {
    TestReturn r = new TestReturn(schema, "SVC01", 3);
    r.rows("Intake").get(1).put("Referral route", "Polise");
    r.rows("Intake").get(2).put("Client age", 140);
    CheckedReturn c = check(r);
    assertThat(c.status()).isEqualTo(ReturnStatus.PARTIALLY_ACCEPTED);
    assertThat(c.findings())
        .extracting(f -> f.code() + "@" + f.location().cell())
        .containsExactlyInAnyOrder("CODE_NOT_IN_LIST@E3", "OUT_OF_RANGE@G4");
    assertThat(c.findings().get(0).expected()).contains("did you mean 'Police'");
    assertThat(c.rows()).extracting(FormRow::sheet).containsExactly("intake", "review", "exit");
  }

  @Test
  void legacyXlsIsReadUpToItsColumnLimit() throws Exception {
    TestReturn r = new TestReturn(schema, "SVC01", 2);
    Path xls = dir.resolve("SVC01_2022-23-Q1.xls");
    try (Workbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
        var out = java.nio.file.Files.newOutputStream(xls)) {
      r.fill(wb);
      wb.write(out);
    }
    CheckedReturn c = Checking.check(schema, xls);
    // .xls holds 256 columns: the Intake and Exit sheets lose their last columns, and Exit's
    // required "Supported with..." columns are beyond that, so the return cannot be used.
    assertThat(c.findings())
        .filteredOn(f -> f.code().equals("MISSING_REQUIRED_COLUMN"))
        .extracting(f -> f.location().sheet())
        .containsOnly("Exit");
    assertThat(c.findings())
        .extracting(Finding::code)
        .containsOnly("MISSING_COLUMN", "MISSING_REQUIRED_COLUMN");
    assertThat(c.status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(c.rows()).isEmpty();
  }

  static String label(String list, int i) {
    return schema.codeLists().get(list).codes().get(i).label();
  }
}
