package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The table sheets go into the package where the workbook's order puts them: POI's own sheets keep
 * their names scoped to them (moved to their new places), the tables' named ranges and print titles
 * point at their sheets, a template name a table takes is replaced, and a chart's drawing and chart
 * parts are linked to its sheet.
 */
class ReportWorkbookTest {
  @Test
  void tableSheetsGoWhereTheOrderPutsThem() throws Exception {
    byte[] template;
    try (XSSFWorkbook blank = new XSSFWorkbook()) {
      blank.createSheet("Cover").createRow(0).createCell(0).setCellValue("cover");
      blank.createSheet("Section").createRow(0).createCell(0).setCellValue("Section title");
      blank.createSheet("Back").createRow(0).createCell(0).setCellValue("back");
      Name old = blank.createName();
      old.setNameName("first_table");
      old.setRefersToFormula("Cover!$A$1");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      blank.write(out);
      template = out.toByteArray();
    }
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (ReportWorkbook wb = new ReportWorkbook(new ByteArrayInputStream(template))) {
      SectionHead head = new SectionHead(wb.getSheet("Section"), 1);
      SharedText text = new SharedText(wb);
      List<TableSheet> tables = new ArrayList<>();
      for (int i = 1; i <= 2; i++) {
        TableSheet t = new TableSheet("1." + i, head);
        head.copyTo(t, text);
        text.set(t.grid, 2, 0, "Label " + i);
        t.grid.number(2, 1, i * 10);
        t.grid.number(3, 1, i * 100);
        t.rangeName = i == 1 ? "first_table" : "second_table";
        t.rangeFormula = "'1." + i + "'!$A$1:$B$4";
        t.printTitleRows = new int[] {0, 2};
        t.printScale = 90;
        tables.add(t);
      }
      TableSheet charted = tables.get(1);
      charted.chart =
          new ChartXml(
              "demo",
              "Demo chart",
              "Bars of the demo figures.",
              ChartXml.anchor(charted, 0, 6, 4, 20),
              "'1.2'!$A$3:$A$4",
              new String[] {"Label 2", null},
              List.of(
                  new ChartXml.Series(
                      "2023", "0072B2", "'1.2'!$B$3:$B$4", new Double[] {20.0, 200.0})));
      wb.order(
          List.of(
              new ReportWorkbook.Entry("Cover", null),
              new ReportWorkbook.Entry("1.1", tables.get(0)),
              new ReportWorkbook.Entry("1.2", tables.get(1)),
              new ReportWorkbook.Entry("Back", null)),
          4);
      wb.removeSheetAt(wb.getSheetIndex("Section"));
      wb.getSheet("Back").setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
      wb.removeName(wb.getName("first_table"));
      wb.writeReport(written);
    }
    try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(written.toByteArray()))) {
      List<String> names = new ArrayList<>();
      back.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("Cover", "1.1", "1.2", "Back");
      assertThat(back.getSheet("1.1").getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Section title");
      assertThat(back.getSheet("1.2").getRow(2).getCell(0).getStringCellValue())
          .isEqualTo("Label 2");
      assertThat(back.getSheet("1.2").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(200);
      assertThat(back.getName("first_table").getRefersToFormula()).isEqualTo("'1.1'!$A$1:$B$4");
      assertThat(back.getNames("first_table")).hasSize(1);
      assertThat(back.getName("second_table").getRefersToFormula()).isEqualTo("'1.2'!$A$1:$B$4");
      assertThat(back.getSheet("Back").getRepeatingRows())
          .isEqualTo(CellRangeAddress.valueOf("1:1"));
      assertThat(back.getSheet("1.1").getRepeatingRows())
          .isEqualTo(CellRangeAddress.valueOf("1:3"));
      assertThat(back.getSheet("1.2").getRepeatingColumns())
          .isEqualTo(CellRangeAddress.valueOf("A:A"));
      assertThat(back.getSheet("1.1").getPrintSetup().getScale()).isEqualTo((short) 90);
      XSSFSheet charted = back.getSheet("1.2");
      var drawing = charted.getDrawingPatriarch();
      assertThat(drawing).isNotNull();
      assertThat(drawing.getCharts()).hasSize(1);
      var chart = drawing.getCharts().get(0);
      assertThat(chart.getTitleText().getString()).isEqualTo("Demo chart");
      assertThat(chart.getChartSeries().get(0).getSeries(0).getValuesData().getPointAt(1))
          .isEqualTo(200.0);
      assertThat(back.getSheet("1.1").getDrawingPatriarch()).isNull();
      assertThat(back.getActiveSheetIndex()).isZero();
    }
  }

  @Test
  void aTemplateSheetNamedLikeATableSheetIsRefused() throws Exception {
    byte[] template;
    try (XSSFWorkbook blank = new XSSFWorkbook()) {
      blank.createSheet("1.1");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      blank.write(out);
      template = out.toByteArray();
    }
    try (ReportWorkbook wb = new ReportWorkbook(new ByteArrayInputStream(template))) {
      TableSheet t = new TableSheet("1.1", new SectionHead(wb.getSheet("1.1"), 0));
      assertThatThrownBy(
              () ->
                  wb.order(
                      List.of(
                          new ReportWorkbook.Entry("1.1", null),
                          new ReportWorkbook.Entry("1.1", t)),
                      2))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already contains a sheet named '1.1'");
    }
  }
}
