package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.idva.insights.fixtures.HostileCorpus;
import org.idva.insights.fixtures.HostileCorpusProbe;
import org.idva.insights.fixtures.InvalidReturnsFixtures;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory on any input: the hostile corpus ({@link HostileCorpus}, generated from a seed)
 * and the committed bad-input corpus go through {@code run} (file by file, measured) and through
 * {@code validate} and {@code run} as commands, all in one child JVM at {@code -Xmx256m}. Every
 * file gets its clear finding, none is an internal error, no stack trace is printed, the
 * unregistered service never reaches the store, and docs/checks.md lists every file in its corpus
 * table.
 */
class HostileCorpusTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final Path INVALID = Path.of("src/test/resources/returns/invalid");

  @TempDir Path dir;

  @Test
  void everyHostileFileGetsItsFindingInBoundedMemory() throws Exception {
    long seed = 15L;
    System.out.println("HostileCorpusTest seed " + seed);
    Path corpus = dir.resolve("corpus");
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (HostileCorpus.Entry e : new HostileCorpus(SCHEMA, seed).write(corpus)) {
      expected.put(e.file(), e.code().isEmpty() ? List.of() : List.of(e.code()));
    }
    for (InvalidReturnsFixtures.Case c : new InvalidReturnsFixtures(SCHEMA).cases()) {
      Files.copy(INVALID.resolve(c.file()), corpus.resolve(c.file()));
      expected.put(
          c.file(), c.expected().stream().map(x -> x.substring(0, x.indexOf('@'))).toList());
    }
    Path work = Files.createDirectories(dir.resolve("work"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                // the shipped logging configuration, not the tests' own
                "-Dlogback.configurationFile="
                    + Path.of("target/classes/logback.xml").toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                HostileCorpusProbe.class.getName(),
                corpus.toString(),
                work.toString())
            .directory(work.toFile())
            .redirectError(work.resolve("stderr.txt").toFile())
            .redirectOutput(work.resolve("stdout.txt").toFile())
            .start();
    assertThat(child.waitFor(15, TimeUnit.MINUTES)).as("child finished").isTrue();
    String out = Files.readString(work.resolve("stdout.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(err).isZero();
    assertThat(out).contains("PROBED", "EXIT validate 1", "EXIT run 1", "DONE");
    assertThat(err)
        .as("no stack trace, no internal error")
        .doesNotContain("\tat ", "Exception in thread", "OutOfMemoryError", "internal error");

    Map<String, String[]> probed = new LinkedHashMap<>();
    for (String line : out.lines().toList()) {
      String[] f = line.split("\t", -1);
      if (f.length == 5) {
        probed.put(f[0], f);
      }
    }
    assertThat(probed.keySet())
        .containsExactlyInAnyOrderElementsOf(expected.keySet())
        .doesNotContain(HostileCorpus.HIDDEN);
    List<String> table = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      String[] f = probed.get(e.getKey());
      List<String> codes = List.of(f[2].split(","));
      assertThat(f[1]).as(e.getKey()).doesNotStartWith("Not processed");
      if (e.getValue().isEmpty()) {
        assertThat(f[1]).as(e.getKey()).startsWith("Accepted");
      } else {
        assertThat(codes).as(e.getKey()).containsAll(e.getValue());
      }
      table.add(
          "| "
              + HostileCorpus.shown(e.getKey())
              + " | "
              + f[1]
              + (f[2].isEmpty() ? "" : ": " + f[2].replace(",", ", "))
              + " | "
              + f[3]
              + " | "
              + f[4]
              + " |");
    }
    // the commands printed one line per file, the hidden one left out
    for (String file : expected.keySet()) {
      assertThat(out.lines().filter(l -> l.startsWith(file) && !l.contains("\t")).count())
          .as("validate and run lines for " + file)
          .isGreaterThanOrEqualTo(2);
    }
    try (CaseStore store =
        CaseStore.open(StoreConfig.of(work.resolve("run.db").toString(), SCHEMA))) {
      assertThat(store.services()).isSubsetOf(HostileCorpus.SERVICES).doesNotContain("SVC10");
    }
    String doc = Files.readString(Path.of("docs/checks.md"), StandardCharsets.UTF_8);
    List<String> missing =
        expected.keySet().stream()
            .filter(f -> !doc.contains("| " + HostileCorpus.shown(f) + " |"))
            .toList();
    assertThat(missing)
        .as(
            "docs/checks.md, section \"Hostile corpus\", lists every corpus file; this run's"
                + " rows:%n%s",
            String.join(System.lineSeparator(), table))
        .isEmpty();
    System.out.println(String.join(System.lineSeparator(), table));
  }
}
