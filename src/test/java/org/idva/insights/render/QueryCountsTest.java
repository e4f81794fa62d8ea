package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Notes sheet counts the open and explained queries per service; a service's own workbook shows
 * its own row only, and a report without a store behind it shows no counts.
 */
class QueryCountsTest {
  @TempDir static Path dir;
  static ReportTables seed;

  @BeforeAll
  static void load() throws Exception {
    seed = SeedTableResults.load();
  }

  private static final QueryCounts COUNTS =
      QueryCounts.of(Map.of("SVC01", new int[] {2, 1}, "SVC02", new int[] {0, 3}));

  @Test
  void theMasterCountsEveryServiceAndTheirTotal() throws Exception {
    Path out = Files.createDirectories(dir.resolve("master"));
    Path master =
        new MasterWorkbookWriter(SeedTableResults.options())
            .writeMaster(seed.tables(), seed.edition(), out, COUNTS);
    List<String> notes = rows(master);
    assertThat(notes)
        .contains(
            "Service | Open queries | Explained queries",
            "SVC01 | 2 | 1",
            "SVC02 | 0 | 3",
            "All services | 2 | 4");
    assertThat(String.join("\n", notes)).doesNotContain("{{queries}}");
  }

  @Test
  void aServiceWorkbookShowsItsOwnRowOnly() throws Exception {
    Path out = Files.createDirectories(dir.resolve("service"));
    Path file =
        new MasterWorkbookWriter(SeedTableResults.options())
            .writeService("SVC02", seed.tables(), seed.tables(), seed.edition(), out, COUNTS);
    String notes = String.join("\n", rows(file));
    assertThat(notes)
        .contains("SVC02 | 0 | 3")
        .doesNotContain("SVC01")
        .doesNotContain("All services | ");
  }

  @Test
  void withoutAStoreNoCountsAreShown() throws Exception {
    Path out = Files.createDirectories(dir.resolve("plain"));
    Path master =
        new MasterWorkbookWriter(SeedTableResults.options())
            .writeMaster(seed.tables(), seed.edition(), out);
    String notes = String.join("\n", rows(master));
    assertThat(notes).doesNotContain("Open queries").doesNotContain("{{queries}}");
  }

  /** The Notes sheet's rows as "a | b | c" text. */
  private static List<String> rows(Path workbook) throws Exception {
    List<String> out = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
      XSSFSheet notes = wb.getSheet("Notes");
      for (Row row : notes) {
        List<String> cells = new ArrayList<>();
        for (Cell c : row) {
          cells.add(
              switch (c.getCellType()) {
                case NUMERIC -> Long.toString(Math.round(c.getNumericCellValue()));
                default -> c.toString();
              });
        }
        out.add(String.join(" | ", cells));
      }
    }
    return out;
  }
}
