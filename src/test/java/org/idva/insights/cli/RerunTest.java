package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun with nothing changed recognises every file before reading it and leaves the report as it
 * is; one changed file is processed alone and the report is written again; {@code --force} writes
 * the report whatever.
 */
class RerunTest {
  @TempDir Path dir;

  @Test
  void aRerunRewritesNothingAndOneChangedFileRebuildsTheReport() throws Exception {
    Schema schema = SchemaLoader.loadDefault();
    Path input = Files.createDirectories(dir.resolve("input"));
    new TestReturn(schema, "SVC01", 4).write(input.resolve("SVC01_2022-23-Q1.xlsx"));
    new TestReturn(schema, "SVC02", 3).write(input.resolve("SVC02_2022-23-Q1.xlsx"));
    Path output = dir.resolve("output");
    Path master = output.resolve("Insights-Idva-2022-23.xlsx");
    Path feedback = output.resolve("feedback/SVC01/SVC01_2022-23-Q1-checked.xlsx");

    String first = run(input, output);
    assertThat(first).contains("Report April 2022").doesNotContain("Report unchanged");
    assertThat(master).exists();
    FileTime masterTime = Files.getLastModifiedTime(master);
    FileTime feedbackTime = Files.getLastModifiedTime(feedback);

    String second = run(input, output);
    assertThat(second).contains("Report unchanged").doesNotContain("Report April 2022");
    assertThat(second.lines().filter(l -> l.contains("Unchanged")).count()).isEqualTo(2);
    assertThat(Files.getLastModifiedTime(master)).isEqualTo(masterTime);
    assertThat(Files.getLastModifiedTime(feedback)).isEqualTo(feedbackTime);

    new TestReturn(schema, "SVC02", 5).write(input.resolve("SVC02_2022-23-Q1.xlsx"));
    String third = run(input, output);
    assertThat(third.lines().filter(l -> l.contains("Unchanged")).count()).isEqualTo(1);
    assertThat(third)
        .containsPattern("SVC02_2022-23-Q1.xlsx +Accepted")
        .contains("Report April 2022");
    assertThat(Files.getLastModifiedTime(feedback)).isEqualTo(feedbackTime);

    assertThat(run(input, output)).contains("Report unchanged");
    assertThat(run(input, output, "--force")).contains("Report April 2022");
    Files.delete(master);
    assertThat(run(input, output)).contains("Report April 2022");
  }

  private String run(Path input, Path output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--store",
                dir.resolve("store.db").toString(),
                "--generated-on",
                "2024-01-31"));
    args.addAll(List.of(more));
    return Captured.run(args.toArray(String[]::new)).out();
  }
}
