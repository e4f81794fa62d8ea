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
  void designerCanReorderAndRestyleWithoutJava() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("designer"));
    Path original = SeedTableResults.options().template();
    for (String ftl : NARRATIVES) {
      Files.copy(original.resolveSibling(ftl + ".ftl"), folder.resolve(ftl + ".ftl"));
    }
    Path edited = folder.resolve("insights-master.xlsx");
    try (XSSFWorkbook wb = MasterWorkbookWriterTest.open(original)) {
      find(wb.getSheet("Service inputs"), "{{table:referral_route}}")
          .setCellValue("{{table:referral_status}}");
      Cell status = find(wb.getSheet("Service inputs"), "{{table:referral_status}}");
      status.setCellValue("{{table:referral_route}}");
      find(wb.getSheet("Service inputs"), "{{chart:referral_route}}").setBlank();
      status.getRow().createCell(7).setCellValue("{{chart:referral_route}}");
      XSSFSheet profile = wb.getSheet("Client profile");
      Cell age = find(profile, "{{table:client_age}}");
      profile.getRow(0).getCell(0).setCellValue("Who the clients are");
      var pct = find(wb.getSheet(MasterStyles.SHEET), "pct").getRow().getCell(1).getCellStyle();
      var font = wb.createFont();
      font.setBold(true);
      font.setItalic(true);
      ((org.apache.poi.xssf.usermodel.XSSFCellStyle) pct).setFont(font);
      assertThat(age).isNotNull();
      try (OutputStream out = Files.newOutputStream(edited)) {
        wb.write(out);
      }
    }
    assertThat(MasterTemplate.load(edited).check(ids(), NARRATIVES)).isEmpty();
    ReportTables seed = SeedTableResults.load();
    Path file =
        new MasterWorkbookWriter(SeedTableResults.options().withTemplate(edited))
            .writeMaster(seed.tables(), seed.edition(), dir.resolve("out"));
    try (XSSFWorkbook wb = MasterWorkbookWriterTest.open(file)) {
      var routeCell = MasterWorkbookWriterTest.firstCell(wb, "referral_route");
      String routeSheet = routeCell.getSheetName();
      String statusSheet = MasterWorkbookWriterTest.firstCell(wb, "referral_status").getSheetName();
      assertThat(wb.getSheetIndex(routeSheet))
          .as("referral_route now placed first")
          .isLessThan(wb.getSheetIndex(statusSheet));
      String ageSheet = MasterWorkbookWriterTest.firstCell(wb, "client_age").getSheetName();
      assertThat(wb.getSheet(ageSheet).getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Who the clients are");
      int route = routeCell.getRow();
      var pctCell = MasterWorkbookWriterTest.cell(wb.getSheet(routeSheet), route + 4, 2);
      var pctFont = wb.getFontAt(pctCell.getCellStyle().getFontIndex());
      assertThat(pctFont.getBold()).isTrue();
      assertThat(pctFont.getItalic()).isTrue();
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
