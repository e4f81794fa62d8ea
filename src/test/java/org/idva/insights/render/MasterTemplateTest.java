package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.Finding;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed master template passes its lint; broken copies are caught. */
class MasterTemplateTest {
  static final Set<String> NARRATIVES = Set.of("at-a-glance", "service-of-100", "key-findings");
  @TempDir Path dir;

  static List<String> ids() throws IOException {
    return SeedTableResults.load().tables().stream().map(TableResult::id).toList();
  }

  @Test
  void committedTemplatePlacesEveryTableOnce() throws IOException {
    List<Finding> problems =
        MasterTemplate.load(SeedTableResults.options().template()).check(ids(), NARRATIVES);
    assertThat(problems).isEmpty();
  }

  @Test
  void brokenTemplateIsReported() throws IOException {
    Path broken = dir.resolve("broken.xlsx");
    try (XSSFWorkbook wb = MasterWorkbookWriterTest.open(SeedTableResults.options().template())) {
      XSSFSheet inputs = wb.getSheet("Service inputs");
      Cell referral = find(inputs, "{{table:referral_route}}");
      referral.setCellValue("{{table:no_such_table}}");
      Cell status = find(inputs, "{{table:referral_status}}");
      find(wb.getSheet("Client profile"), "{{table:client_age}}")
          .setCellValue("{{table:referral_status}}");
      status.getRow().createCell(3).setCellValue("{{bogus}}");
      inputs.createRow(200).createCell(0).setCellValue("a stray note");
      XSSFSheet styles = wb.getSheet(MasterStyles.SHEET);
      Cell pct = find(styles, "pct");
      pct.setCellValue("renamed");
      try (OutputStream out = Files.newOutputStream(broken)) {
        wb.write(out);
      }
    }
    List<String> codes =
        MasterTemplate.load(broken).check(ids(), NARRATIVES).stream().map(Finding::code).toList();
    assertThat(codes)
        .contains(
            "UNKNOWN_TABLE",
            "TABLE_NOT_PLACED",
            "TABLE_PLACED_TWICE",
            "UNKNOWN_MARKER",
            "STYLE_MISSING",
            "CHART_NOT_BESIDE_TABLE",
            "CONTENT_AMONG_TABLES");
  }

  @Test
  void tableNamesNeverLookLikeCellReferences() throws IOException {
    assertThat(TableNames.of("referral_route")).isEqualTo("referral_route");
    assertThat(TableNames.of("ab12")).isEqualTo("t_ab12");
    assertThat(TableNames.of("r1c1")).isEqualTo("t_r1c1");
    assertThat(TableNames.of("c")).isEqualTo("t_c");
    assertThat(TableNames.of("2023_table")).isEqualTo("t_2023_table");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      for (String id : ids()) {
        wb.createName().setNameName(TableNames.of(id));
      }
      for (String id : List.of("ab12", "r1c1", "c", "xfd1048576")) {
        wb.createName().setNameName(TableNames.of(id));
      }
    }
  }

  @Test
  void editionOfAYearMatchesTheSeedEdition() throws IOException {
    ReportEdition seed = SeedTableResults.load().edition();
    ReportEdition built = ReportEdition.of(2023, seed.generatedOn());
    assertThat(built.reportLabel()).isEqualTo(seed.reportLabel()).isEqualTo("2022-23");
    assertThat(built.yearPeriods()).isEqualTo(seed.yearPeriods());
    assertThat(built.period()).isEqualTo("April 2022 - March 2023");
    assertThat(ReportEdition.of(2010, seed.generatedOn()).reportLabel()).isEqualTo("2009-10");
  }

  static Cell find(XSSFSheet sheet, String text) {
    for (Row row : sheet) {
      for (Cell c : row) {
        if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
          return c;
        }
      }
    }
    throw new AssertionError(text + " not on " + sheet.getSheetName());
  }
}
