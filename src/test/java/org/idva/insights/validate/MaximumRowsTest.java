package org.idva.insights.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.ingest.WorkbookReader;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.render.AboutSheet;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A return whose Intake sheet runs to Excel's last row, 1,048,576 (every row below the data holds a
 * space, as when a column is filled down by mistake), streamed with fastexcel into a temporary
 * folder rather than committed. It is read to the end without holding the rows: the blank run is
 * one notice and the valid row at the very bottom is kept.
 */
class MaximumRowsTest {
  static final int LAST_ROW = 1_048_576;
  @TempDir Path dir;

  @Test
  void aSheetOfExcelsMaximumRowsIsStreamedToTheEnd() throws Exception {
    Schema schema = SchemaLoader.loadDefault();
    Path file = dir.resolve("SVC01_2022-23-Q1.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet about = wb.newWorksheet("About");
      about.value(2, 0, AboutSheet.SERVICE_CODE);
      about.value(2, 1, "SVC01");
      about.value(3, 0, AboutSheet.QUARTER);
      about.value(3, 1, TestReturn.QUARTER.label());
      about.value(4, 0, AboutSheet.TEMPLATE_VERSION);
      about.value(4, 1, schema.templateVersion());
      about.finish();
      for (SheetDefinition def : schema.sheets()) {
        Worksheet ws = wb.newWorksheet(def.sheetName());
        List<String> headers = def.columns().stream().map(Column::header).toList();
        for (int c = 0; c < headers.size(); c++) {
          ws.value(0, c, headers.get(c));
        }
        if (def.sheetName().equals("Intake")) {
          for (int r = 1; r < LAST_ROW; r++) {
            boolean data = r <= 2 || r == LAST_ROW - 1;
            if (data) {
              Map<String, Object> row = TestReturn.intake(r);
              for (Map.Entry<String, Object> e : row.entrySet()) {
                int c = headers.indexOf(e.getKey());
                Object v = e.getValue();
                if (v instanceof LocalDate d) {
                  ws.value(r, c, d);
                } else if (v instanceof Number n) {
                  ws.value(r, c, n);
                } else {
                  ws.value(r, c, v.toString());
                }
              }
            } else {
              ws.value(r, 0, " ");
            }
            if (r % 100_000 == 0) {
              ws.flush();
            }
          }
        }
        ws.finish();
      }
      wb.finish();
    }
    long[] kept = {0};
    ReturnChecker.Result result;
    try (RawWorkbook wb = new WorkbookReader().open(file)) {
      result = new ReturnChecker(schema).check(file, wb, row -> kept[0]++);
    }
    assertThat(result.findings())
        .extracting(f -> f.code() + "@" + f.location().sheet() + "!" + f.location().cell())
        .containsExactly("BLANK_ROW@Intake!4");
    assertThat(result.findings().get(0).found()).isEqualTo("rows 4 to 1,048,575 are blank");
    assertThat(result.status()).isEqualTo(ReturnStatus.ACCEPTED);
    assertThat(kept[0]).isEqualTo(3);
  }
}
