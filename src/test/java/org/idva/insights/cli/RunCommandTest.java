package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over a folder mixing good returns (two services) with the whole bad-input corpus: nothing
 * crashes, every file gets a summary line and feedback, the good returns are accepted, the rejected
 * ones are copied to quarantine beside their report and left in the input folder.
 */
class RunCommandTest {
  static final Path CORPUS = Path.of("src/test/resources/returns/invalid");
  @TempDir Path dir;

  @Test
  void aMixedFolderRunsToTheEndAndGoodReturnsStillProcess() throws Exception {
    Schema schema = SchemaLoader.loadDefault();
    Path input = Files.createDirectories(dir.resolve("input"));
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path f : files.filter(p -> !p.toString().endsWith(".md")).toList()) {
        Files.copy(f, input.resolve(f.getFileName()));
      }
    }
    new TestReturn(schema, "SVC01", 4).write(input.resolve("SVC01_2022-23-Q1.xlsx"));
    new TestReturn(schema, "SVC03", 2).write(input.resolve("SVC03_2022-23-Q1.xlsx"));
    Path output = dir.resolve("output");

    Captured run = Captured.runFolders(input, output, dir.resolve("store.db"), "--no-report");
    int code = run.code();
    String out = run.out();
    assertThat(code).isEqualTo(ExitCode.DATA_PROBLEMS);
    long inputFiles;
    try (Stream<Path> s = Files.list(input)) {
      inputFiles = s.count();
    }
    assertThat(out.lines().filter(l -> l.contains(".xls")).count()).isEqualTo(inputFiles);
    assertThat(out).containsPattern("SVC01_2022-23-Q1.xlsx +Accepted +rows +6");
    assertThat(out).containsPattern("SVC03_2022-23-Q1.xlsx +Accepted +rows +4");
    assertThat(output.resolve("feedback/SVC01/SVC01_2022-23-Q1-checked.xlsx")).exists();
    assertThat(output.resolve("feedback/SVC03/SVC03_2022-23-Q1-message.html")).exists();
    assertThat(output.resolve("quarantine/07-password-protected.xlsx")).exists();
    assertThat(output.resolve("quarantine/07-password-protected-report.txt")).exists();
    assertThat(output.resolve("quarantine/27-code-not-in-list.xlsx")).doesNotExist();
    assertThat(input.resolve("07-password-protected.xlsx")).exists();
    // SVC03's folder holds only SVC03's return.
    try (Stream<Path> s = Files.list(output.resolve("feedback/SVC03"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .allMatch(n -> n.startsWith("SVC03_"));
    }
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            Files.newInputStream(output.resolve("feedback/SVC01/SVC01_2022-23-Q1-checked.xlsx")))) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Issues");
    }
  }

  @Test
  void formulaInjectionStaysInertTextInTheFeedback() throws Exception {
    Path output = dir.resolve("fb");
    int code =
        Main.run(
            "validate",
            CORPUS.resolve("37-formula-injection.xlsx").toString(),
            "--out",
            output.toString());
    assertThat(code).isEqualTo(ExitCode.DATA_PROBLEMS);
    Path book = output.resolve("SVC01/37-formula-injection-checked.xlsx");
    List<String> injected = List.of("=HYPERLINK", "+cmd", "@SUM");
    int seen = 0;
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(book))) {
      for (var sheet : wb) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
            if (cell.getCellType() == CellType.STRING
                && injected.stream().anyMatch(cell.getStringCellValue()::startsWith)) {
              seen++;
            }
          }
        }
      }
    }
    // each text once in the copied Intake sheet and once as "found" on the Issues sheet
    assertThat(seen).isEqualTo(6);
  }
}
