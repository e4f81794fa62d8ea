package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.schema.SheetDefinition;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.idva.insights.store.StoredReturn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insights run} killed ({@code kill -9}, by the fault-injection hook at a known point, not
 * by timing) and run again gives the same store as one clean run; a third run changes and rewrites
 * nothing; two runs on one store at once take turns on the writer lock, or the second stops with
 * exit code 4 naming the first.
 */
class RunCrashAndConcurrencyTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();

  @TempDir Path dir;
  Path input;

  @BeforeEach
  void returns() throws Exception {
    input = Files.createDirectories(dir.resolve("input"));
    ServiceRegistry.of(
            List.of(
                new ServiceRegistry.Service("SVC01", "North", List.of()),
                new ServiceRegistry.Service("SVC02", "South", List.of())))
        .write(input.resolve("services.json"));
    // sorted: the second SVC01 return first, then the one it replaces, then SVC02's
    new TestReturn(SCHEMA, "SVC01", 3).write(input.resolve("SVC01_2022-23-Q1 (2).xlsx"));
    new TestReturn(SCHEMA, "SVC01", 5).write(input.resolve("SVC01_2022-23-Q1.xlsx"));
    new TestReturn(SCHEMA, "SVC02", 4).write(input.resolve("SVC02_2022-23-Q1.xlsx"));
  }

  @Test
  void aRunKilledAtAnyPointAndRunAgainGivesTheStoreOfOneCleanRun() throws Exception {
    Path clean = dir.resolve("clean.db");
    assertThat(run(clean, dir.resolve("out-clean")).code()).isZero();
    List<String> expected = fingerprint(clean);
    assertThat(expected).anyMatch(l -> l.contains("superseded")).anyMatch(l -> l.contains("SVC02"));

    for (String fault :
        List.of(
            "before-feedback:SVC02",
            "before-commit:SVC02",
            "after-commit:SVC02",
            "before-commit:SVC01_2022-23-Q1.xlsx")) { // in the middle of replacing a return
      String name = fault.replaceAll("[^A-Za-z0-9-]", "_");
      Path store = dir.resolve(name + ".db");
      Path out = dir.resolve("out-" + name);
      Process killed = child(store, out, fault + ":halt", "60");
      killed.getOutputStream().close();
      killed.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      assertThat(killed.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(killed.exitValue()).as(fault).isEqualTo(137);
      Captured again = run(store, out);
      assertThat(again.code()).as(again.out()).isZero();
      assertThat(fingerprint(store)).as(fault).isEqualTo(expected);
    }

    // a third run over the same files: recognised before reading, nothing stored or rewritten
    Path out = dir.resolve("out-clean");
    List<Path> written;
    try (Stream<Path> files = Files.walk(out)) {
      written = files.filter(Files::isRegularFile).toList();
    }
    assertThat(written).isNotEmpty();
    for (Path p : written) {
      Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000L));
    }
    Captured third = run(clean, out);
    assertThat(third.code()).isZero();
    assertThat(third.out().lines().filter(l -> l.startsWith("SVC0") && l.contains(".xlsx")))
        .hasSize(3)
        .allMatch(l -> l.contains("Unchanged"), "every return unchanged");
    assertThat(fingerprint(clean)).isEqualTo(expected);
    for (Path p : written) {
      assertThat(Files.getLastModifiedTime(p).toMillis()).as(p.toString()).isEqualTo(1_000_000L);
    }
  }

  @Test
  void twoRunsAtOnceTakeTurnsOrTheSecondStopsNamingTheFirst() throws Exception {
    Path store = dir.resolve("store.db");
    Process first = child(store, dir.resolve("out-1"), "after-check:SVC02:pause", "60");
    BufferedReader firstOut =
        new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
    List<String> firstLines = new ArrayList<>();
    String line;
    while ((line = firstOut.readLine()) != null && !line.startsWith("PAUSED")) {
      firstLines.add(line);
    }
    assertThat(line).as("first run paused holding the store").startsWith("PAUSED");

    // a second run that will not wait long enough: exit 4, naming the first, nothing changed
    Process impatient = child(store, dir.resolve("out-2"), "", "1");
    impatient.getOutputStream().close();
    String impatientOut =
        new String(impatient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(impatient.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String impatientErr =
        new String(impatient.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(impatient.exitValue()).as(impatientOut + impatientErr).isEqualTo(ExitCode.IO);
    assertThat(impatientErr)
        .contains("is in use by insights run, pid " + first.pid())
        .contains("waited 1 s")
        .contains("Nothing was changed");
    assertThat(impatientOut).doesNotContain("SVC0");

    // a patient one waits for the first, then finds everything already there
    Process patient = child(store, dir.resolve("out-3"), "", "300");
    patient.getOutputStream().close();
    first.getOutputStream().close(); // let the first run finish
    while ((line = firstOut.readLine()) != null) {
      firstLines.add(line);
    }
    assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String patientOut = new String(patient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(patient.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(first.exitValue()).as(String.join("\n", firstLines)).isZero();
    assertThat(patient.exitValue()).as(patientOut).isZero();

    // both summaries agree with the store: the first added three returns, the second none
    assertThat(firstLines.stream().filter(l -> l.startsWith("SVC0") && l.contains(".xlsx")))
        .hasSize(3)
        .noneMatch(l -> l.contains("Unchanged"));
    assertThat(patientOut.lines().filter(l -> l.startsWith("SVC0") && l.contains(".xlsx")))
        .hasSize(3)
        .allMatch(l -> l.contains("Unchanged"));
    assertThat(summaryRow(firstLines, "SVC01")).startsWith("SVC01 2 0 0");
    assertThat(summaryRow(patientOut.lines().toList(), "SVC01")).startsWith("SVC01 2 2 0");
    Path clean = dir.resolve("clean.db");
    run(clean, dir.resolve("out-clean"));
    assertThat(fingerprint(store)).isEqualTo(fingerprint(clean));
  }

  /** A summary table row, spaces collapsed: service, returns, unchanged, failed, ... */
  private static String summaryRow(List<String> lines, String service) {
    return lines.stream()
        .filter(l -> l.matches(service + "\\s+\\d+.*"))
        .map(l -> l.replaceAll("\\s+", " "))
        .findFirst()
        .orElse("");
  }

  /** The arguments of {@code insights run} over the input into {@code store} and {@code out}. */
  private List<String> runArgs(Path store, Path out) {
    return List.of(
        "run",
        "--input",
        input.toString(),
        "--output",
        out.toString(),
        "--store",
        store.toString(),
        "--no-report");
  }

  /** {@code insights run} in this JVM. */
  private Captured run(Path store, Path out) {
    return Captured.run(runArgs(store, out).toArray(String[]::new));
  }

  /** {@code insights run} in another JVM, with a fault injected ("" for none). */
  private Process child(Path store, Path out, String fault, String lockWait) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("-Xmx512m"); // a heap given: the run happens in this process (ChildJvm), its pid named
    if (!fault.isEmpty()) {
      cmd.add("-Dinsights.fault=" + fault);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(runArgs(store, out));
    cmd.addAll(List.of("--lock-wait", lockWait));
    return new ProcessBuilder(cmd).directory(dir.toFile()).start();
  }

  /**
   * The store's content without what differs between runs (ids, times): each return's history
   * record and every stored row with its provenance, sorted.
   */
  private static List<String> fingerprint(Path db) {
    List<String> lines = new ArrayList<>();
    try (CaseStore store = CaseStore.open(StoreConfig.of(db.toString(), SCHEMA))) {
      Map<Long, String> names = new TreeMap<>();
      for (StoredReturn r : store.history(null)) {
        names.put(r.id(), r.fileName());
      }
      for (StoredReturn r : store.history(null)) {
        lines.add(
            String.join(
                "|",
                "return",
                r.service(),
                r.quarter(),
                r.fileName(),
                r.sha256(),
                r.status().name(),
                r.state(),
                String.valueOf(r.supersededBy() == null ? null : names.get(r.supersededBy())),
                r.errors() + "/" + r.queries() + "/" + r.notices() + "/" + r.rowsStored(),
                r.findingsSummary()));
      }
      lines.add("counts|" + store.rowCounts());
      for (SheetDefinition sheet : SCHEMA.sheets()) {
        store
            .caseData()
            .forEachRow(
                sheet.ref(),
                row ->
                    lines.add(
                        String.join(
                            "|",
                            "row",
                            row.service(),
                            sheet.ref(),
                            row.location().toString(),
                            new TreeMap<>(row.values()).toString())));
      }
    }
    lines.sort(null);
    return lines;
  }
}
