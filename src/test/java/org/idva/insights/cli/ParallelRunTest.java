package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on several threads gives what it gives on one: the same lines in the same order, the
 * same bytes in every feedback and quarantine file, the same tables from the store. The folder
 * mixes three services' consecutive quarters (exits and reviews of cases whose intake came in an
 * earlier quarter's return, so a return checked before its service's earlier returns are merged
 * would be queried differently), the same bytes twice, broken files and an SVC01 return named for
 * SVC02 (it may be for either until it is checked).
 */
class ParallelRunTest {
  @TempDir Path dir;

  @Test
  void threeThreadsGiveTheSameBytesAsOne() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    for (String service : List.of("SVC01", "SVC02", "SVC03")) {
      for (String q : List.of("2020-21-Q1", "2020-21-Q2", "2020-21-Q3", "2020-21-Q4")) {
        String name = service + "_" + q + ".xlsx";
        Files.copy(Path.of("input", name), input.resolve(name));
      }
    }
    Files.copy(Path.of("input/services.json"), input.resolve("services.json"));
    Files.copy(
        Path.of("input/SVC02_2020-21-Q2.xlsx"), input.resolve("SVC02_2020-21-Q2 again.xlsx"));
    for (String bad :
        List.of(
            "05-corrupt-zip.xlsx",
            "33-no-intake.xlsx",
            "37-formula-injection.xlsx",
            "SVC02_2022-23-Q2.xlsx")) {
      Files.copy(RunCommandTest.CORPUS.resolve(bad), input.resolve(bad));
    }

    String one = run(input, "one", 1);
    String three = run(input, "three", 3);
    assertThat(one.lines().filter(l -> l.contains(".xlsx")).count()).isEqualTo(17);
    assertThat(one).contains("Unchanged").isEqualTo(three.replace("three", "one"));
    TreeMap<String, byte[]> a = files(dir.resolve("one"));
    TreeMap<String, byte[]> b = files(dir.resolve("three"));
    assertThat(b.keySet()).isEqualTo(a.keySet());
    assertThat(a.keySet()).anyMatch(f -> f.startsWith("feedback/SVC03/"));
    List<String> differ = new ArrayList<>();
    for (String f : a.keySet()) {
      if (!java.util.Arrays.equals(a.get(f), b.get(f))) {
        differ.add(f);
      }
    }
    assertThat(differ).isEmpty();
    assertThat(tables("one")).isEqualTo(tables("three")).contains("\"rows\"");
  }

  private String run(Path input, String name, int threads) throws Exception {
    return capture(
        "run",
        "--input",
        input.toString(),
        "--output",
        dir.resolve(name).toString(),
        "--store",
        dir.resolve(name + ".db").toString(),
        "--no-report",
        "--threads",
        Integer.toString(threads));
  }

  /** Every table of the year, computed from the run's store, as JSON. */
  private String tables(String name) throws Exception {
    return capture(
        "tables",
        "--store",
        dir.resolve(name + ".db").toString(),
        "--year",
        "2021",
        "--format",
        "json");
  }

  private static String capture(String... args) {
    return Captured.run(args).out();
  }

  private static TreeMap<String, byte[]> files(Path root) throws Exception {
    TreeMap<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
