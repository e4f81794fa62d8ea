package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.idva.insights.fixtures.Checking;
import org.idva.insights.ingest.BareRead;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insights bench read}: both passes over the same files, rounds alternating. */
class BenchCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
  }

  @Test
  void countsTheSameRowsAsTheReaderAndKeepsWhatTheCheckerKeeps() throws Exception {
    List<String> names = List.of("SVC01_2022-23-Q1.xlsx", "SVC02_2020-21-Q3.xlsx");
    long rows = 0;
    long cells = 0;
    long kept = 0;
    Schema schema = SchemaLoader.loadDefault();
    for (String name : names) {
      Path file = Files.copy(Path.of("input", name), dir.resolve(name));
      BareRead.Count n = BareRead.count(file);
      rows += n.rows();
      cells += n.cells();
      kept += Checking.check(schema, file).rows().size();
    }
    // Refused by the reader (nothing kept), though fastexcel-reader alone reads it.
    Path xxe =
        Files.copy(
            Path.of("src/test/resources/returns/invalid/09-xxe.xlsx"), dir.resolve("09-xxe.xlsx"));
    rows += BareRead.count(xxe).rows();
    cells += BareRead.count(xxe).cells();
    assertThat(Checking.check(schema, xxe).rows()).isEmpty();

    int code = Main.run("bench", "read", dir.toString(), "--rounds", "2", "--warmup", "1");

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isEqualTo(ExitCode.OK);
    assertThat(text)
        .startsWith("3 files, ")
        .contains("warm-up 1 bare ")
        .contains("round 1   bare ")
        .contains("round 2   bare ")
        .contains(String.format("rows %,d (kept %,d), non-empty cells %,d", rows, kept, cells))
        .containsPattern("read\\+check / bare time: median of rounds \\d+\\.\\d\\d \\(wall\\)")
        .containsPattern("read\\+check: .* heap peak \\d+ MiB, live after GC \\d+ MiB");
    assertThat(kept).isPositive().isLessThan(rows);
  }

  @Test
  void needsAtLeastOneRound() {
    assertThat(Main.run("bench", "read", dir.toString(), "--rounds", "0"))
        .isEqualTo(ExitCode.USAGE);
  }
}
