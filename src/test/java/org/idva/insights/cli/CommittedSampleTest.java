package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample ({@code input/}) is exactly what {@code insights sample} makes now, byte for
 * byte. It was written by another JVM run, so this also fails when generation depends on anything
 * but the seed (e.g. iterating a {@code Map.of}, whose order changes between runs).
 */
class CommittedSampleTest {
  @TempDir Path dir;

  @Test
  void inputIsWhatTheGeneratorMakesForTheDefaultSeed() throws Exception {
    PrintStream old = System.out;
    int code;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      code = Main.run("sample", "--out", dir.toString());
    } finally {
      System.setOut(old);
    }
    assertThat(code).isEqualTo(ExitCode.OK);

    List<String> committed = names(Path.of("input"));
    assertThat(names(dir)).isEqualTo(committed).hasSize(108 + 1); // the returns and services.json
    List<String> differ = new ArrayList<>();
    for (String name : committed) {
      if (Files.mismatch(Path.of("input", name), dir.resolve(name)) != -1) {
        differ.add(name);
      }
    }
    assertThat(differ)
        .as(
            "input/ is not what the generator makes now; regenerate it with"
                + " `java -jar target/insights.jar sample` and commit it")
        .isEmpty();
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".xlsx") || n.equals("services.json"))
          .sorted()
          .toList();
    }
  }
}
