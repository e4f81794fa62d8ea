package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-service workbooks: the service beside all services, small counts suppressed. */
class ServiceWorkbookTest {
  @TempDir Path dir;

  /** A service's tables shaped like the seed, with small random counts (many of 1 to 4). */
  static List<TableResult> randomService(List<TableResult> like, Random random) {
    List<TableResult> out = new ArrayList<>();
    for (TableResult t : like) {
      List<TableResult.Row> rows = new ArrayList<>();
      for (TableResult.Row r : t.rows()) {
        Map<String, Object> values = new LinkedHashMap<>();
        r.values()
            .forEach(
                (k, v) -> {
                  if (k.endsWith(".count")) {
                    values.put(k, (long) random.nextInt(12));
                  } else if (k.endsWith(".pct")) {
                    values.put(k, random.nextInt(101));
                  } else {
                    values.put(k, v);
                  }
                });
        rows.add(new TableResult.Row(r.label(), r.kind(), r.indent(), values));
      }
      Map<String, Long> n = new LinkedHashMap<>();
      t.n().forEach((k, v) -> n.put(k, (long) random.nextInt(40)));
      out.add(
          new TableResult(t.id(), t.section(), t.title(), t.population(), t.columns(), n, rows));
    }
    return out;
  }

  @Test
  void serviceFiguresBesideAllServicesWithSmallCountsSuppressed() throws IOException {
    long seedValue = new Random().nextLong();
    System.out.println("ServiceWorkbookTest seed " + seedValue);
    Random random = new Random(seedValue);
    ReportTables all = SeedTableResults.load();
    List<TableResult> a = randomService(all.tables(), random);
    List<TableResult> b = randomService(all.tables(), random);
    MasterWorkbookWriter writer = new MasterWorkbookWriter(SeedTableResults.options());
    Path fileA = writer.writeService("Service Alpha", a, all.tables(), all.edition(), dir);
    writer.writeService("Service Beta", b, all.tables(), all.edition(), dir);
    assertThat(fileA).isEqualTo(dir.resolve("services/Service Alpha.xlsx"));
    int suppressed = 0;
    try (XSSFWorkbook wb = MasterWorkbookWriterTest.open(fileA)) {
      for (TableResult mine : a) {
        TableResult every =
            all.tables().stream().filter(t -> t.id().equals(mine.id())).findFirst().orElseThrow();
        AreaReference area =
            new AreaReference(
                wb.getName(TableNames.of(mine.id())).getRefersToFormula(),
                SpreadsheetVersion.EXCEL2007);
        XSSFSheet sheet = wb.getSheet(area.getFirstCell().getSheetName());
        int nRow = area.getFirstCell().getRow();
        while (!"n=".equals(MasterWorkbookWriterTest.text(sheet, nRow, 0))) {
          nRow++;
        }
        List<String> keys = mine.columns();
        // the service's columns, then all services' (a value column's text sits beside it)
        List<Integer> columns = new ArrayList<>();
        for (int c = 1; c <= area.getLastCell().getCol(); c++) {
          if (!MasterWorkbookWriterTest.text(sheet, nRow - 1, c).endsWith(" Text")) {
            columns.add(c);
          }
        }
        TableResult printed = Suppression.apply(mine, 4);
        for (int i = 0; i < mine.rows().size(); i++) {
          int row = nRow + 1 + i;
          for (int c = 0; c < keys.size(); c++) {
            String key = keys.get(c);
            String where = "seed " + seedValue + " " + mine.id() + " row " + i + " " + key;
            Object v = mine.rows().get(i).values().get(key);
            Object shown = printed.rows().get(i).values().get(key);
            Cell cell = MasterWorkbookWriterTest.cell(sheet, row, columns.get(c));
            boolean small = v instanceof Long l && l >= 1 && l <= 4 && key.endsWith(".count");
            if (small) {
              assertThat(cell.getStringCellValue()).as(where).isEqualTo("c");
            }
            if ("c".equals(shown)) {
              assertThat(cell.getStringCellValue()).as(where).isEqualTo("c");
              suppressed++;
            } else if (shown instanceof Number num) {
              double expected = key.endsWith(".pct") ? num.doubleValue() / 100 : num.doubleValue();
              assertThat(cell.getNumericCellValue()).as(where).isEqualTo(expected);
            }
            Object allV = every.rows().get(i).values().get(key);
            Cell allCell = MasterWorkbookWriterTest.cell(sheet, row, columns.get(keys.size() + c));
            if (allV instanceof Number num) {
              double expected = key.endsWith(".pct") ? num.doubleValue() / 100 : num.doubleValue();
              assertThat(allCell.getNumericCellValue())
                  .as("all services " + where)
                  .isEqualTo(expected);
            }
          }
        }
      }
      String everything = MasterWorkbookWriterTest.dump(wb);
      assertThat(everything).contains("Service Alpha").doesNotContain("Service Beta");
      assertThat(MasterWorkbookWriterTest.sheetText(wb.getSheet("Notes")))
          .contains("count from 1 to 4");
      for (int s = 0; s < wb.getNumberOfSheets(); s++) {
        for (var r : wb.getSheetAt(s)) {
          for (Cell c : r) {
            if (c.getCellType() == CellType.NUMERIC
                && c.getCellStyle().getDataFormatString().contains("#,##0")
                && c.getColumnIndex() > 0) {
              assertThat(c.getNumericCellValue()).isNotNegative();
            }
          }
        }
      }
    }
    assertThat(suppressed).as("seed %d produced suppressed cells", seedValue).isPositive();
  }
}
