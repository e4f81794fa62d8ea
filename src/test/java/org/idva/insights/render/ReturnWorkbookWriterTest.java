package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a small filled return and reads it back cell by cell with POI. */
class ReturnWorkbookWriterTest {
  @TempDir static Path dir;
  static Schema schema;
  static XSSFWorkbook wb;

  @BeforeAll
  static void write() throws Exception {
    schema = SchemaLoader.loadDefault();
    List<FormRow> rows = new ArrayList<>();
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("case_ref", "C-001");
    intake.put("client_ref", "CL-9");
    intake.put("intake_date", LocalDate.of(2022, 5, 17));
    intake.put("referral_route", "police");
    intake.put("client_age", 34L);
    intake.put("disability", "yes");
    intake.put("disability_type", new LinkedHashSet<>(List.of("physical", "frailty")));
    rows.add(row("intake", intake));
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("case_ref", "C-002");
    typed.put("intake_date", "31/05/2022");
    typed.put("referral_route", "  MARAC ");
    rows.add(row("intake", typed));
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("case_ref", "C-001");
    child.put("child_no", 1L);
    child.put(
        "age_band",
        schema.field("intake.children.age_band").orElseThrow().codeList().codes().get(0).code());
    rows.add(row("intake.children", child));
    String header = schema.sheet("intake").orElseThrow().columns().get(5).header();
    ReturnContent content =
        new ReturnContent(
            "SVC01",
            new ReportingQuarter(2022, 1),
            "Data team mailbox",
            rows,
            Map.of(header, header + "x"));
    Path file = dir.resolve(content.fileName());
    new ReturnWorkbookWriter(schema).write(content, file);
    wb = new XSSFWorkbook(file.toFile());
  }

  private static FormRow row(String sheet, Map<String, Object> values) {
    return new FormRow("SVC01", sheet, SourceLocation.ofSheet("test", sheet), values);
  }

  @Test
  void oneWriterFillsManyReturnsEachWithItsOwnAboutAndRows() throws Exception {
    ReturnWorkbookWriter writer = new ReturnWorkbookWriter(schema);
    for (int i = 0; i < 3; i++) {
      Map<String, Object> intake = new LinkedHashMap<>();
      intake.put("case_ref", "R<" + i + ">&\"q\"");
      ReturnContent content =
          new ReturnContent(
              "S&" + i,
              new ReportingQuarter(2021, 1 + i),
              "Team <" + i + "> & co",
              List.of(row("intake", intake)),
              Map.of());
      Path file = dir.resolve("many-" + i + ".xlsx");
      writer.write(content, file);
      try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
        Map<String, String> about = new LinkedHashMap<>();
        for (Row row : read.getSheet("About")) {
          if (row.getCell(0) != null
              && row.getCell(1) != null
              && row.getCell(1).getCellType() == CellType.STRING) {
            about.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
          }
        }
        assertThat(about)
            .containsEntry("Service code", "S&" + i)
            .containsEntry("Reporting quarter", new ReportingQuarter(2021, 1 + i).label())
            .containsEntry("Data lead contact", "Team <" + i + "> & co");
        var sheet = read.getSheet(schema.sheet("intake").orElseThrow().sheetName());
        assertThat(sheet.getLastRowNum()).isEqualTo(1);
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("R<" + i + ">&\"q\"");
      }
    }
  }

  @Test
  void aboutSheetIsFilledIn() {
    Map<String, String> about = new LinkedHashMap<>();
    for (Row row : wb.getSheet("About")) {
      if (row.getCell(0) != null
          && row.getCell(1) != null
          && row.getCell(1).getCellType() == CellType.STRING) {
        about.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
      }
    }
    assertThat(about)
        .containsEntry("Service code", "SVC01")
        .containsEntry("Reporting quarter", "2022-23 Q1")
        .containsEntry("Data lead contact", "Data team mailbox")
        .containsEntry("Template version", schema.templateVersion());
  }

  @Test
  void sheetsAndHeadersAreTheTemplates() {
    for (SheetDefinition def : schema.sheets()) {
      XSSFSheet sheet = wb.getSheet(def.sheetName());
      assertThat(sheet).as(def.sheetName()).isNotNull();
      List<String> headers = new ArrayList<>();
      sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
      List<String> expected = def.columns().stream().map(Column::header).toList();
      if (def.ref().equals("intake")) {
        String slipped = expected.get(5);
        assertThat(headers.get(5)).isEqualTo(slipped + "x");
        headers.set(5, slipped);
      }
      assertThat(headers).as(def.sheetName()).isEqualTo(expected);
    }
  }

  @Test
  void cellsHoldLabelsTicksDatesAndNumbers() {
    SheetDefinition def = schema.sheet("intake").orElseThrow();
    Row row = wb.getSheet("Intake").getRow(1);
    Map<String, Cell> byHeader = new LinkedHashMap<>();
    List<Column> columns = def.columns();
    for (int c = 0; c < columns.size(); c++) {
      byHeader.put(columns.get(c).header(), row.getCell(c));
    }
    assertThat(byHeader.get("Referral route").getStringCellValue()).isEqualTo("Police");
    Cell date = byHeader.get("Intake date");
    assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
    assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
    assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2022, 5, 17));
    assertThat(byHeader.get("Client age").getNumericCellValue()).isEqualTo(34.0);
    assertThat(byHeader.get("Disability type: Physical").getStringCellValue()).isEqualTo("Yes");
    assertThat(byHeader.get("Disability type: Frailty").getStringCellValue()).isEqualTo("Yes");
    Set<String> blankTicks =
        Set.of("Disability type: Learning disability", "Disability type: Other");
    blankTicks.forEach(h -> assertThat(byHeader.get(h)).as(h).isNull());
  }

  @Test
  void textTypedWhereACodeOrDateIsExpectedStaysAsTyped() {
    Row row = wb.getSheet("Intake").getRow(2);
    List<Column> columns = schema.sheet("intake").orElseThrow().columns();
    for (int c = 0; c < columns.size(); c++) {
      String h = columns.get(c).header();
      if (h.equals("Intake date")) {
        assertThat(row.getCell(c).getCellType()).isEqualTo(CellType.STRING);
        assertThat(row.getCell(c).getStringCellValue()).isEqualTo("31/05/2022");
      }
      if (h.equals("Referral route")) {
        assertThat(row.getCell(c).getStringCellValue()).isEqualTo("  MARAC ");
      }
    }
    assertThat(wb.getSheet("Children").getRow(1).getCell(0).getStringCellValue())
        .isEqualTo("C-001");
  }
}
