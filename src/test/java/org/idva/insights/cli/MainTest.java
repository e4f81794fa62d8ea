package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented exit codes, end to end through {@link Main#run}. */
class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "template", "dictionary"})
  void everySubcommandHasHelp(String command) {
    assertThat(Main.run(command, "--help")).isEqualTo(ExitCode.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: insights " + command)
        .contains("Exit codes:");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(Main.run("template", "--no-such-option")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--no-such-option");
  }

  @Test
  void brokenDefinitionsExitWith3AndNameTheFile() throws Exception {
    Path schema = dir.resolve("schema");
    Files.createDirectories(schema);
    Files.writeString(
        schema.resolve("schema.json"), "{\"templateVersion\": \"x\", \"forms\": [\"intake\"]}");
    int code =
        Main.run(
            "template", "--definitions", dir.toString(), "--out", dir.resolve("t.xlsx").toString());
    assertThat(code).isEqualTo(ExitCode.BROKEN_DEFINITIONS);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("intake.json")
        .contains("file not found");
  }

  @Test
  void unwritableOutputExitsWith4() throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    int code = Main.run("dictionary", "--out", file.resolve("sub/dictionary.md").toString());
    assertThat(code).isEqualTo(ExitCode.IO);
  }

  @Test
  void templateWritesAWorkbook() {
    Path target = dir.resolve("return.xlsx");
    assertThat(Main.run("template", "--out", target.toString())).isEqualTo(ExitCode.OK);
    assertThat(target).isRegularFile();
  }

  @Test
  void runRejectsANonWorkbookAndCarriesOn() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.writeString(input.resolve("notes.txt"), "not a return");
    Files.write(input.resolve("SVC01_2022-23-Q1.xlsx"), new byte[] {1});
    int code =
        Main.run(
            "run",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("output").toString(),
            "--store",
            dir.resolve("store.db").toString(),
            "--no-report");
    assertThat(code).isEqualTo(ExitCode.DATA_PROBLEMS);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("SVC01_2022-23-Q1.xlsx")
        .contains("Rejected")
        .contains("1 return(s) checked");
    assertThat(dir.resolve("output/quarantine/SVC01_2022-23-Q1.xlsx")).exists();
  }
}
