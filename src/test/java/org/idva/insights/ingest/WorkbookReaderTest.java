package org.idva.insights.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.RawWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkbookReaderTest {
  @TempDir Path dir;

  private Path write(Workbook wb, String name) throws Exception {
    Path file = dir.resolve(name);
    try (wb;
        var out = Files.newOutputStream(file)) {
      var s = wb.createSheet("Data");
      var r = s.createRow(2);
      r.createCell(0).setCellValue("text");
      r.createCell(2).setCellValue(45016); // 31/03/2023 in the 1900 system
      r.createCell(3).setCellFormula("1+1");
      r.createCell(4).setCellValue(true);
      s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 2, 5, 6));
      wb.createSheet("Hidden");
      wb.setSheetHidden(1, true);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.write(out);
    }
    return file;
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.xlsx", "a.xls"})
  void readsCellsFormulasByCachedValueVisibilityAndMerges(String name) throws Exception {
    Path file = write(name.endsWith("x") ? new XSSFWorkbook() : new HSSFWorkbook(), name);
    try (RawWorkbook wb = new WorkbookReader().open(file)) {
      assertThat(wb.sheets()).extracting(RawSheet::name).containsExactly("Data", "Hidden");
      assertThat(wb.sheets().get(1).visibility()).isEqualTo(RawSheet.Visibility.HIDDEN);
      assertThat(wb.sheets().get(0).merged()).containsExactly(new RawSheet.CellRange(3, 3, 5, 6));
      assertThat(wb.date1904()).isFalse();
      List<RawRow> rows = new ArrayList<>();
      wb.readRows(wb.sheets().get(0), rows::add);
      assertThat(rows).hasSize(1);
      RawRow row = rows.get(0);
      assertThat(row.rowNumber()).isEqualTo(3);
      assertThat(row.cell(0)).isEqualTo(RawCell.text(0, "text"));
      assertThat(row.cell(1)).isNull();
      assertThat(row.cell(2).kind()).isEqualTo(RawCell.Kind.NUMBER);
      assertThat(row.cell(2).number()).isEqualTo(45016.0);
      assertThat(row.cell(3).text()).isEqualTo("2");
      assertThat(row.cell(4).text()).isEqualTo("TRUE");
    }
  }

  @Test
  void findsTheDate1904Flag() throws Exception {
    Path file = dir.resolve("mac.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        var out = Files.newOutputStream(file)) {
      wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
      wb.createSheet("S")
          .createRow(0)
          .createCell(0)
          .setCellValue(43554); // 31/03/2023 counted from 1904
      wb.write(out);
    }
    try (RawWorkbook wb = new WorkbookReader().open(file)) {
      assertThat(wb.date1904()).isTrue();
      List<RawRow> rows = new ArrayList<>();
      wb.readRows(wb.sheets().get(0), rows::add);
      assertThat(rows.get(0).cell(0).number()).isEqualTo(43554.0);
    }
  }

  @Test
  void findsReturnFilesAndQuarantinesCopies() throws Exception {
    for (String n : List.of("a.xlsx", "b.xls", "~$a.xlsx", ".hidden.xlsx", "README.md", "c.csv")) {
      Files.writeString(dir.resolve(n), "x");
    }
    assertThat(ReturnFiles.find(dir))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("a.xlsx", "b.xls", "c.csv");
    Path copy = ReturnFiles.quarantine(dir.resolve("a.xlsx"), dir.resolve("q"));
    assertThat(copy).exists();
    assertThat(dir.resolve("a.xlsx")).exists();
  }

  /**
   * Reads that stop early and start again (as the checks do: header rows first, then the whole
   * sheet) see the same rows as one full read, whatever the stopping points (seeded).
   */
  @Test
  void readsAgainAfterStoppingEarlySeeTheSameRows() throws Exception {
    Path file = dir.resolve("rows.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        var out = Files.newOutputStream(file)) {
      for (String name : List.of("A", "B")) {
        var s = wb.createSheet(name);
        for (int r = 0; r < 120; r++) {
          if (r % 17 != 5) {
            s.createRow(r).createCell(r % 3).setCellValue(name + r);
          }
        }
      }
      wb.write(out);
    }
    List<List<RawRow>> full = new ArrayList<>();
    try (RawWorkbook wb = new WorkbookReader().open(file)) {
      for (RawSheet s : wb.sheets()) {
        List<RawRow> rows = new ArrayList<>();
        wb.readRows(s, rows::add);
        full.add(rows);
      }
    }
    assertThat(full.get(0)).hasSize(113);
    long seed = new java.util.Random().nextLong();
    System.out.println("WorkbookReaderTest seed " + seed);
    java.util.Random random = new java.util.Random(seed);
    for (int trial = 0; trial < 20; trial++) {
      try (RawWorkbook wb = new WorkbookReader().open(file)) {
        for (int read = 0; read < 6; read++) {
          int sheet = random.nextInt(2);
          int stopAfter = random.nextBoolean() ? random.nextInt(5) + 1 : random.nextInt(130) + 1;
          List<RawRow> rows = new ArrayList<>();
          wb.readRows(
              wb.sheets().get(sheet),
              row -> {
                rows.add(row);
                return rows.size() < stopAfter;
              });
          List<RawRow> all = full.get(sheet);
          assertThat(rows)
              .as("seed %d trial %d read %d", seed, trial, read)
              .isEqualTo(all.subList(0, Math.min(stopAfter, all.size())));
        }
      }
    }
  }

  /**
   * A small return's rows are read from the parts the inspection inflated (their bytes, {@link
   * SheetRowBytes}), a large one's from the file by fastexcel-reader: both give the same sheets,
   * merges and rows.
   */
  @Test
  void readsTheKeptPartsAsTheFileItself() throws Exception {
    Path file = dir.resolve("r.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        var out = Files.newOutputStream(file)) {
      var s = wb.createSheet("Data");
      for (int r = 0; r < 3; r++) {
        s.createRow(r).createCell(1).setCellValue("row " + r);
        s.getRow(r).createCell(2).setCellValue(r * 1.5);
      }
      s.createRow(3).createCell(0).setCellFormula("1+1"); // a formula: fastexcel-reader's from here
      s.createRow(4).createCell(0).setCellValue(true);
      s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 5, 6));
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.write(out);
    }
    ZipInspector inspector = new ZipInspector(ReadLimits.DEFAULT);
    ZipInspector.Inspection small = inspector.inspect(file, ZipInspector.KEEP_BYTES);
    ZipInspector.Inspection large = inspector.inspect(file, 100);
    assertThat(small.parts()).isNotNull();
    assertThat(large.parts()).isNull();
    assertThat(small.merged()).isEqualTo(large.merged()).isNotEmpty();
    List<List<RawRow>> read = new ArrayList<>();
    List<Long> fromBytes = new ArrayList<>();
    for (ZipInspector.Inspection inspection : List.of(small, large)) {
      try (FastexcelWorkbook wb =
          new FastexcelWorkbook(file, inspection.merged(), inspection.parts())) {
        List<RawRow> rows = new ArrayList<>();
        for (RawSheet s : wb.sheets()) {
          wb.readRows(s, rows::add);
        }
        assertThat(wb.sheets().get(0).merged()).isNotEmpty();
        read.add(rows);
        fromBytes.add(wb.rowsFromBytes());
      }
    }
    assertThat(read.get(0)).hasSize(5);
    assertThat(fromBytes).containsExactly(3L, 0L);
    assertThat(read.get(0)).isNotEmpty().isEqualTo(read.get(1));
  }
}
