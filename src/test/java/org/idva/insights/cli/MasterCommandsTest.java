package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insights check-template} and {@code insights report} as a user runs them. */
class MasterCommandsTest {
  static final Path TEMPLATE = Path.of("workbook-templates/insights-master.xlsx");
  static final Path SEED = Path.of("src/test/resources/seed/insights-idva-2022-23.tables.json");
  @TempDir Path dir;

  @Test
  void checkTemplatePassesOnTheCommittedTemplate() {
    assertThat(Main.run("check-template", "--template", TEMPLATE.toString()))
        .isEqualTo(ExitCode.OK);
  }

  @Test
  void checkTemplateExitsThreeWhenATableIsMissing() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("templates"));
    for (String ftl : new String[] {"at-a-glance.ftl", "service-of-100.ftl", "key-findings.ftl"}) {
      Files.copy(TEMPLATE.resolveSibling(ftl), folder.resolve(ftl));
    }
    Path broken = folder.resolve("insights-master.xlsx");
    try (InputStream in = Files.newInputStream(TEMPLATE);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      var sheet = wb.getSheet("Service inputs");
      for (var row : sheet) {
        for (var cell : row) {
          if (cell.toString().equals("{{table:referral_route}}")) {
            cell.setBlank();
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(broken)) {
        wb.write(out);
      }
    }
    assertThat(Main.run("check-template", "--template", broken.toString()))
        .isEqualTo(ExitCode.BROKEN_DEFINITIONS);
    assertThat(Main.run("check-template", "--template", dir.resolve("none.xlsx").toString()))
        .isEqualTo(ExitCode.IO);
  }

  @Test
  void reportWritesTheMasterWorkbook() {
    int code =
        Main.run(
            "report",
            "--from-json",
            SEED.toString(),
            "--out",
            dir.toString(),
            "--generated-on",
            "2026-11-26",
            "--service",
            "North=" + SEED);
    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(dir.resolve("Insights-Idva-2022-23.xlsx")).isNotEmptyFile();
    assertThat(dir.resolve("services/North.xlsx")).isNotEmptyFile();
    assertThat(
            Main.run(
                "report",
                "--from-json",
                dir.resolve("missing.json").toString(),
                "--out",
                dir.toString()))
        .isEqualTo(ExitCode.IO);
  }
}
