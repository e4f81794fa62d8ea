package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.TableResult;
import org.idva.insights.report.SeedTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;

/** Renders the master workbook from the seed tables and reads it back as Excel would. */
class MasterWorkbookWriterTest {
  @TempDir static Path dir;
  static ReportTables seed;
  static Path master;

  @BeforeAll
  static void render() throws IOException {
    seed = SeedTableResults.load();
    master =
        new MasterWorkbookWriter(SeedTableResults.options())
            .writeMaster(seed.tables(), seed.edition(), dir);
  }

  @Test
  void fileIsNamedAfterTheReportYear() {
    assertThat(master.getFileName().toString()).isEqualTo("Insights-Idva-2022-23.xlsx");
    assertThat(master).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyTableHasANamedRangeHoldingItsTitleBasesAndValues() throws IOException {
    List<JsonNode> json = SeedTables.tables();
    java.util.Set<String> sheets = new java.util.HashSet<>();
    try (XSSFWorkbook wb = open(master)) {
      assertThat(json).hasSize(130);
      for (JsonNode t : json) {
        String id = t.get("id").asText();
        XSSFName name = wb.getName(TableNames.of(id));
        assertThat(name).as("named range for %s", id).isNotNull();
        AreaReference area =
            new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        XSSFSheet sheet = wb.getSheet(area.getFirstCell().getSheetName());
        assertThat(sheet.getSheetName())
            .as("one sheet per table, named by number")
            .matches("\\d+\\.\\d+");
        assertThat(sheets.add(sheet.getSheetName())).as("%s has a sheet of its own", id).isTrue();
        int first = area.getFirstCell().getRow();
        int last = area.getLastCell().getRow();
        String heading = t.path("heading").asText("");
        String title = t.get("title").asText();
        String full =
            heading.isEmpty() || title.contains(heading)
                ? title
                : title.endsWith("?") ? heading + ": " + title : title + ": " + heading;
        assertThat(text(sheet, first, 0)).isEqualTo(full);
        int nRow = first;
        while (!"n=".equals(text(sheet, nRow, 0))) {
          nRow++;
          assertThat(nRow).as("n= row of %s", id).isLessThanOrEqualTo(last);
        }
        List<String> keys = new ArrayList<>();
        t.get("columns").forEach(c -> keys.add(c.get("key").asText()));
        // value columns in key order; a value column's text figures sit in a Text column beside it
        List<Integer> columns = new ArrayList<>();
        for (int c = 1; c <= area.getLastCell().getCol(); c++) {
          if (!text(sheet, nRow - 1, c).endsWith(" Text")) {
            columns.add(c);
          }
        }
        assertThat(columns).hasSize(keys.size());
        JsonNode rows = t.get("rows");
        assertThat(last - nRow).as("rows of %s", id).isEqualTo(rows.size());
        for (int c = 0; c < keys.size(); c++) {
          String key = keys.get(c);
          String nKey = key.substring(0, key.lastIndexOf('.'));
          JsonNode n = t.get("n").get(nKey);
          Cell nCell = cell(sheet, nRow, columns.get(c));
          if (n != null && n.isNumber()) {
            assertThat(nCell.getNumericCellValue()).as("%s n %s", id, key).isEqualTo(n.asDouble());
          }
        }
        for (int i = 0; i < rows.size(); i++) {
          JsonNode r = rows.get(i);
          int row = nRow + 1 + i;
          assertThat(text(sheet, row, 0)).isEqualTo(r.get("label").asText());
          for (int c = 0; c < keys.size(); c++) {
            JsonNode v = r.get("values").get(keys.get(c));
            Cell cell = cell(sheet, row, columns.get(c));
            String where = id + " row " + i + " " + keys.get(c);
            if (v == null || v.isNull()) {
              assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(where).isTrue();
            } else if (v.isNumber()) {
              double expected = keys.get(c).endsWith(".pct") ? v.asDouble() / 100 : v.asDouble();
              assertThat(cell.getNumericCellValue()).as(where).isCloseTo(expected, within());
            } else {
              Cell textCell = cell(sheet, row, columns.get(c) + 1);
              assertThat(text(sheet, nRow - 1, columns.get(c) + 1)).as(where).endsWith(" Text");
              assertThat(textCell.getStringCellValue()).as(where).isEqualTo(v.asText());
            }
          }
        }
      }
    }
  }

  @Test
  void percentColumnsAreHeadedWithTheirYears() throws IOException {
    try (XSSFWorkbook wb = open(master)) {
      CellReference title = firstCell(wb, "referral_route");
      XSSFSheet sheet = wb.getSheet(title.getSheetName());
      int header = title.getRow() + 2;
      assertThat(
              List.of(
                  text(sheet, header, 1),
                  text(sheet, header, 2),
                  text(sheet, header, 3),
                  text(sheet, header, 4)))
          .containsExactly("2023 Count", "2023 %", "2022 %", "2021 %");
      assertThat(cell(sheet, header + 2, 2).getCellStyle().getDataFormatString()).contains("%");
    }
  }

  @Test
  void subtotalIndentedAndMissingRowsAreStyledApart() throws IOException {
    try (XSSFWorkbook wb = open(master)) {
      Map<String, org.apache.poi.xssf.usermodel.XSSFCellStyle> byKind = new TreeMap<>();
      for (TableResult t : seed.tables()) {
        CellReference title = firstCell(wb, t.id());
        XSSFSheet sheet = wb.getSheet(title.getSheetName());
        int nRow = nRow(sheet, title.getRow());
        for (int i = 0; i < t.rows().size(); i++) {
          TableResult.Row r = t.rows().get(i);
          boolean plain = r.kind().equals("other") || r.kind().equals("category");
          String kind = r.indent() > 0 && plain ? "indent" : r.kind();
          var style =
              (org.apache.poi.xssf.usermodel.XSSFCellStyle)
                  cell(sheet, nRow + 1 + i, 0).getCellStyle();
          var before = byKind.putIfAbsent(kind, style);
          if (before != null) {
            assertThat(style.getIndex())
                .as("%s row %d (%s)", t.id(), i, kind)
                .isEqualTo(before.getIndex());
          }
        }
      }
      assertThat(byKind.get("subtotal").getFont().getBold()).isTrue();
      assertThat(byKind.get("category").getFont().getBold()).isFalse();
      assertThat(byKind.get("missing").getFont().getItalic()).isTrue();
      assertThat(byKind.get("indent").getIndention()).isPositive();
      assertThat(byKind.get("category").getIndention()).isZero();
    }
  }

  @Test
  void contentsListsEveryTableOnceWithItsSectionAndLinksBothWays() throws IOException {
    try (XSSFWorkbook wb = open(master)) {
      XSSFSheet contents = wb.getSheet("Contents");
      Map<String, Integer> linked = new TreeMap<>();
      java.util.Set<String> sections = new java.util.TreeSet<>();
      for (Row row : contents) {
        Cell titleCell = row.getCell(2);
        if (titleCell == null || titleCell.getHyperlink() == null) {
          continue;
        }
        CellReference target = new CellReference(titleCell.getHyperlink().getAddress());
        XSSFSheet sheet = wb.getSheet(target.getSheetName());
        assertThat(sheet).as(titleCell.getHyperlink().getAddress()).isNotNull();
        assertThat(text(sheet, target.getRow(), 0)).isEqualTo(titleCell.getStringCellValue());
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(sheet.getSheetName());
        sections.add(row.getCell(1).getStringCellValue());
        linked.merge(sheet.getSheetName(), 1, Integer::sum);
        // and back: the table's sheet links to Contents above the table
        boolean back = false;
        for (int r = 0; r < target.getRow(); r++) {
          Cell c = cell(sheet, r, 0);
          back |=
              c != null
                  && c.getHyperlink() != null
                  && c.getHyperlink().getAddress().startsWith("'Contents'!");
        }
        assertThat(back).as("%s links back to Contents", sheet.getSheetName()).isTrue();
      }
      assertThat(linked).hasSize(130);
      assertThat(linked.values()).containsOnly(1);
      assertThat(sections).contains("Service inputs", "Client outcomes", "Civil justice outcomes");
    }
  }

  @Test
  void conditionalFormatsAreRulesOverTableRanges() throws IOException {
    try (XSSFWorkbook wb = open(master)) {
      CellReference title = firstCell(wb, "referral_route");
      XSSFSheet sheet = wb.getSheet(title.getSheetName());
      List<String> formulas = new ArrayList<>();
      int dataBars = 0;
      var cf = sheet.getSheetConditionalFormatting();
      for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
        XSSFConditionalFormatting f = cf.getConditionalFormattingAt(i);
        for (int j = 0; j < f.getNumberOfRules(); j++) {
          XSSFConditionalFormattingRule rule = f.getRule(j);
          if (rule.getConditionType() == ConditionType.DATA_BAR) {
            dataBars++;
          } else {
            formulas.add(rule.getFormula1());
          }
        }
      }
      assertThat(dataBars).isGreaterThan(0);
      var styles = wb.getStylesSource();
      for (int i = 0; i < styles._getDXfsSize(); i++) {
        for (var color : styles.getDxfAt(i).getFont().getColorArray()) {
          assertThat(color.getRgb()).as("dxf %d font colour is ARGB", i).hasSize(4);
        }
      }
      assertThat(formulas).anyMatch(s -> s.contains("<10"));
      assertThat(formulas).anyMatch(s -> s.contains(">=0.05"));
      // never on the n= row, Missing, subtotal or total rows: checked on every table's sheet
      int excludedRows = 0;
      for (TableResult t : seed.tables()) {
        CellReference at = firstCell(wb, t.id());
        XSSFSheet tableSheet = wb.getSheet(at.getSheetName());
        int nRow = nRow(tableSheet, at.getRow());
        java.util.Set<Integer> excluded = new java.util.HashSet<>();
        excluded.add(nRow);
        for (int i = 0; i < t.rows().size(); i++) {
          if (!ConditionalFormats.coloured(t.rows().get(i))) {
            excluded.add(nRow + 1 + i);
          }
        }
        excludedRows += excluded.size();
        var rules = tableSheet.getSheetConditionalFormatting();
        for (int i = 0; i < rules.getNumConditionalFormattings(); i++) {
          for (var range : rules.getConditionalFormattingAt(i).getFormattingRanges()) {
            for (int r : excluded) {
              assertThat(r >= range.getFirstRow() && r <= range.getLastRow())
                  .as("%s: rule over %s covers row %d", t.id(), range.formatAsString(), r)
                  .isFalse();
            }
          }
        }
      }
      assertThat(excludedRows).as("n rows and Missing/total rows").isGreaterThan(200);
      // no static fills: the 2023 % cells keep the plain % style
      int row = title.getRow() + 4;
      assertThat(cell(sheet, row, 2).getCellStyle().getFillPattern().getCode()).isZero();
    }
  }

  @Test
  void yearOnYearThresholdIsConfigurable() throws IOException {
    Path other = dir.resolve("yoy");
    MasterOptions o = SeedTableResults.options();
    Path file =
        new MasterWorkbookWriter(new MasterOptions(o.template(), 12, 25, 4))
            .writeMaster(seed.tables(), seed.edition(), other);
    try (XSSFWorkbook wb = open(file)) {
      XSSFSheet sheet = wb.getSheet(firstCell(wb, "referral_route").getSheetName());
      List<String> formulas = new ArrayList<>();
      var cf = sheet.getSheetConditionalFormatting();
      for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
        for (int j = 0; j < cf.getConditionalFormattingAt(i).getNumberOfRules(); j++) {
          formulas.add(String.valueOf(cf.getConditionalFormattingAt(i).getRule(j).getFormula1()));
        }
      }
      assertThat(formulas).anyMatch(s -> s.contains(">=0.12")).anyMatch(s -> s.contains("<25"));
      assertThat(formulas).noneMatch(s -> s.contains(">=0.05"));
    }
  }

  @Test
  void chartsHaveFilledSeriesAndAltText() throws IOException {
    try (XSSFWorkbook wb = open(master)) {
      List<String> titles = new ArrayList<>();
      int charts = 0;
      for (int si = 0; si < wb.getNumberOfSheets(); si++) {
        XSSFSheet sheet = wb.getSheetAt(si);
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing == null) {
          continue;
        }
        for (XSSFChart chart : drawing.getCharts()) {
          var bars = chart.getCTChart().getPlotArea().getBarChartArray();
          assertThat(bars).isNotEmpty();
          assertThat(bars[0].getSerArray()).isNotEmpty();
          for (CTBarSer ser : bars[0].getSerArray()) {
            assertThat(ser.getSpPr().isSetSolidFill()).as(sheet.getSheetName()).isTrue();
          }
          charts++;
        }
        for (XSSFShape shape : drawing.getShapes()) {
          if (shape instanceof XSSFGraphicFrame frame) {
            var props = frame.getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
            assertThat(props.getDescr()).isNotBlank();
            assertThat(props.getTitle()).isNotBlank();
            titles.add(props.getTitle());
          }
        }
      }
      assertThat(titles).hasSize(charts);
      assertThat(titles)
          .contains(
              "Referral routes",
              "Risk level at intake (Dash ticks)",
              "Level of physical abuse: intake and exit",
              "Client-reported outcomes at exit",
              "Needs and support");
    }
  }

  @Test
  void tableSheetsFreezeTheirHeadersAndNeverPrintBelowEightPoints() throws IOException {
    try (XSSFWorkbook wb = open(master)) {
      assertThat(wb.getSheet(MasterStyles.SHEET)).isNull();
      for (JsonNode t : SeedTables.tables()) {
        CellReference title = firstCell(wb, t.get("id").asText());
        XSSFSheet sheet = wb.getSheet(title.getSheetName());
        int nRow = nRow(sheet, title.getRow());
        assertThat(sheet.getPaneInformation()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
            .as("rows frozen down to n= on %s", sheet.getSheetName())
            .isEqualTo((short) (nRow + 1));
        assertThat(sheet.getFitToPage()).isFalse();
        assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        double smallest = Double.MAX_VALUE;
        for (Row row : sheet) {
          for (Cell c : row) {
            smallest =
                Math.min(
                    smallest,
                    ((org.apache.poi.xssf.usermodel.XSSFCellStyle) c.getCellStyle())
                        .getFont()
                        .getFontHeightInPoints());
          }
        }
        assertThat(smallest * sheet.getPrintSetup().getScale() / 100.0)
            .as("smallest printed font on %s", sheet.getSheetName())
            .isGreaterThanOrEqualTo(8.0);
        assertThat(text(sheet, nRow - 1, 0)).as("label column headed").isNotBlank();
      }
      var core = wb.getProperties().getCoreProperties();
      assertThat(core.getTitle()).contains("2022-23");
      assertThat(core.getSubject()).contains("April 2022 - March 2023");
      assertThat(wb.getProperties().getCustomProperties().getProperty("Generated on").getLpwstr())
          .isEqualTo("2026-11-26");
      for (int si = 0; si < wb.getNumberOfSheets(); si++) {
        XSSFSheet sheet = wb.getSheetAt(si);
        for (Row row : sheet) {
          for (Cell c : row) {
            if (c.getCellType() == CellType.STRING) {
              assertThat(c.getStringCellValue()).as(sheet.getSheetName()).doesNotContain("{{");
            }
          }
        }
      }
    }
  }

  @Test
  void aChartIsNeverSplitAcrossPages() throws IOException {
    int charts = 0;
    try (XSSFWorkbook wb = open(master)) {
      for (int si = 0; si < wb.getNumberOfSheets(); si++) {
        XSSFSheet sheet = wb.getSheetAt(si);
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing == null) {
          continue;
        }
        for (XSSFShape shape : drawing.getShapes()) {
          var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) shape.getAnchor();
          charts++;
          double capacity = TablePrint.PAGE_HEIGHT * 100.0 / sheet.getPrintSetup().getScale();
          double height = TablePrint.height(sheet, anchor.getRow1(), anchor.getRow2() - 1);
          assertThat(height).as("chart height on %s", sheet.getSheetName()).isLessThan(capacity);
          // the chart sits inside one printed page: either after a break, or the rows above it
          // leave room for it on the first page
          boolean breakBefore = sheet.isRowBroken(anchor.getRow1() - 1);
          double above = TablePrint.height(sheet, 0, anchor.getRow1() - 1);
          assertThat(breakBefore || above + height <= capacity)
              .as("chart on %s fits its page", sheet.getSheetName())
              .isTrue();
          assertThat(TablePrint.width(sheet, anchor.getCol2() - 1))
              .as("chart on %s within the page width", sheet.getSheetName())
              .isLessThanOrEqualTo(
                  TablePrint.PAGE_WIDTH * 100.0 / sheet.getPrintSetup().getScale());
        }
      }
    }
    assertThat(charts).isGreaterThanOrEqualTo(8);
  }

  @Test
  void narrativePagesAreFilledFromTheFigures() throws IOException {
    try (XSSFWorkbook wb = open(master)) {
      String service100 = sheetText(wb.getSheet("Service of 100"));
      assertThat(service100).contains("35 will be unemployed", "70 will be at high risk");
      assertThat(service100).doesNotContain(Figures.NONE + " will");
      String findings = sheetText(wb.getSheet("Key findings"));
      assertThat(findings).contains("1. Police: 45% of cases (1,057)");
      assertThat(sheetText(wb.getSheet("At a glance"))).contains("2,332 cases opened");
    }
  }

  @Test
  void rerunGivesTheSameCellContents() throws IOException {
    Path again =
        new MasterWorkbookWriter(SeedTableResults.options())
            .writeMaster(seed.tables(), seed.edition(), dir.resolve("again"));
    try (XSSFWorkbook a = open(master);
        XSSFWorkbook b = open(again)) {
      assertThat(dump(b)).isEqualTo(dump(a));
    }
  }

  static String dump(XSSFWorkbook wb) {
    StringBuilder s = new StringBuilder();
    for (int si = 0; si < wb.getNumberOfSheets(); si++) {
      XSSFSheet sheet = wb.getSheetAt(si);
      s.append("## ").append(sheet.getSheetName()).append('\n').append(sheetText(sheet));
    }
    wb.getAllNames()
        .forEach(
            n -> s.append(n.getNameName()).append('=').append(n.getRefersToFormula()).append('\n'));
    return s.toString();
  }

  static String sheetText(XSSFSheet sheet) {
    StringBuilder s = new StringBuilder();
    for (Row row : sheet) {
      for (Cell c : row) {
        if (c.getCellType() != CellType.BLANK) {
          s.append(c.getAddress()).append('=').append(c).append('\n');
        }
      }
    }
    String text = s.toString();
    StringBuilder lines = new StringBuilder();
    for (Row row : sheet) {
      for (Cell c : row) {
        if (c.getCellType() == CellType.STRING) {
          lines.append(c.getStringCellValue()).append('\n');
        }
      }
    }
    return text + lines;
  }

  static CellReference firstCell(XSSFWorkbook wb, String id) {
    XSSFName name = wb.getName(TableNames.of(id));
    return new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007)
        .getFirstCell();
  }

  /** The row of a table's bases (n=), at or below its title row. */
  static int nRow(XSSFSheet sheet, int titleRow) {
    int r = titleRow;
    while (!"n=".equals(text(sheet, r, 0))) {
      r++;
    }
    return r;
  }

  static XSSFWorkbook open(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  static Cell cell(XSSFSheet sheet, int r, int c) {
    Row row = sheet.getRow(r);
    return row == null ? null : row.getCell(c);
  }

  static String text(XSSFSheet sheet, int r, int c) {
    Cell cell = cell(sheet, r, c);
    return cell == null || cell.getCellType() != CellType.STRING ? null : cell.getStringCellValue();
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  static List<TableResult> tables() {
    return seed.tables();
  }
}
