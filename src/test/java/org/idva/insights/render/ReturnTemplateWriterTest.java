package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes the blank return and reads it back with POI, sheet by sheet and column by column. */
class ReturnTemplateWriterTest {
  @TempDir static Path dir;
  static Schema schema;
  static XSSFWorkbook wb;

  @BeforeAll
  static void writeTemplate() throws Exception {
    schema = SchemaLoader.loadDefault();
    Path file = dir.resolve("return.xlsx");
    new ReturnTemplateWriter(schema).write(file);
    wb = new XSSFWorkbook(file.toFile());
  }

  @Test
  void sheetsAreAboutThenEveryFormAndGroupThenHiddenLists() {
    List<String> expected = new java.util.ArrayList<>();
    expected.add("About");
    schema.sheets().forEach(s -> expected.add(s.sheetName()));
    expected.add("Lists");
    List<String> actual = new java.util.ArrayList<>();
    wb.forEach(s -> actual.add(s.getSheetName()));
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(wb.getSheetVisibility(wb.getSheetIndex("Lists"))).isEqualTo(SheetVisibility.HIDDEN);
    assertThat(wb.getSheetVisibility(wb.getSheetIndex("Intake")))
        .isEqualTo(SheetVisibility.VISIBLE);
  }

  @Test
  void aboutSheetCarriesTheTemplateVersion() {
    XSSFSheet about = wb.getSheet("About");
    String version = null;
    for (Row row : about) {
      if (row.getCell(0) != null
          && row.getCell(0).getStringCellValue().equals("Template version")) {
        version = row.getCell(1).getStringCellValue();
      }
    }
    assertThat(version).isEqualTo(schema.templateVersion());
  }

  @Test
  void everySheetHasItsHeadersFrozenAndLocked() {
    for (SheetDefinition def : schema.sheets()) {
      XSSFSheet sheet = wb.getSheet(def.sheetName());
      Row header = sheet.getRow(0);
      List<String> headers = def.columns().stream().map(Column::header).toList();
      for (int c = 0; c < headers.size(); c++) {
        assertThat(header.getCell(c).getStringCellValue()).isEqualTo(headers.get(c));
        assertThat(header.getCell(c).getCellStyle().getLocked()).isTrue();
        assertThat(sheet.getColumnStyle(c).getLocked())
            .as("data cells of %s column %d stay editable", def.sheetName(), c)
            .isFalse();
      }
      assertThat(header.getLastCellNum()).isEqualTo((short) headers.size());
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
      assertThat(sheet.getProtect()).isTrue();
    }
  }

  @Test
  void everyColumnHasTheValidationItsTypeCallsFor() {
    for (SheetDefinition def : schema.sheets()) {
      XSSFSheet sheet = wb.getSheet(def.sheetName());
      var byColumn =
          sheet.getDataValidations().stream()
              .collect(
                  Collectors.toMap(
                      v -> v.getRegions().getCellRangeAddress(0).getFirstColumn(), v -> v));
      List<Column> columns = def.columns();
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        DataValidation v = byColumn.get(c);
        String where = def.sheetName() + "!" + CellReference.convertNumToColString(c);
        assertThat(v).as("validation on %s", where).isNotNull();
        assertThat(v.getRegions().getCellRangeAddress(0).getFirstRow()).isEqualTo(1);
        assertThat(v.getShowPromptBox()).isTrue();
        assertThat(v.getPromptBoxText())
            .startsWith(
                column
                    .field()
                    .question()
                    .substring(0, Math.min(20, column.field().question().length())));
        var constraint = v.getValidationConstraint();
        FieldType type = column.field().type();
        if (column.isOption()) {
          assertThat(constraint.getFormula1()).isEqualTo("list_tick");
        } else if (type == FieldType.CODE) {
          assertThat(constraint.getValidationType()).isEqualTo(ValidationType.LIST);
          assertThat(constraint.getFormula1()).isEqualTo("list_" + column.field().codeList().id());
        } else if (type == FieldType.INTEGER) {
          assertThat(constraint.getValidationType()).isEqualTo(ValidationType.INTEGER);
          if (column.field().min() != null) {
            assertThat(constraint.getFormula1()).isEqualTo(column.field().min().toPlainString());
          }
        } else if (type == FieldType.DATE) {
          assertThat(constraint.getValidationType()).isEqualTo(ValidationType.DATE);
        }
      }
    }
  }

  @Test
  void namedListsHoldTheCodeListLabelsInOrder() {
    XSSFSheet lists = wb.getSheet("Lists");
    for (var list : schema.codeLists().values()) {
      var name = wb.getName("list_" + list.id());
      assertThat(name).as("named range for %s", list.id()).isNotNull();
      var area =
          new org.apache.poi.ss.util.AreaReference(
              name.getRefersToFormula(), wb.getSpreadsheetVersion());
      var first = area.getFirstCell();
      List<String> labels = new java.util.ArrayList<>();
      for (int r = first.getRow(); r <= area.getLastCell().getRow(); r++) {
        labels.add(lists.getRow(r).getCell(first.getCol()).getStringCellValue());
      }
      assertThat(labels).containsExactlyElementsOf(list.labels());
    }
  }
}
