package org.idva.insights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.idva.insights.render.MasterOptions;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report written on several threads is the report written on one: the same lines in the same
 * order, the same files, and in every workbook the same parts holding the same bytes in the same
 * order (a zip entry's time is when it was written, so the files' own bytes differ by that alone).
 */
class ParallelReportTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();

  @TempDir Path dir;

  @Test
  void threeThreadsWriteTheSameWorkbooksAsOne() throws Exception {
    try (CaseStore store =
        CaseStore.open(StoreConfig.of(dir.resolve("store.db").toString(), SCHEMA))) {
      Pipeline pipeline = new Pipeline(SCHEMA, store, null, null, null);
      for (String service : List.of("SVC01", "SVC02", "SVC03", "SVC04")) {
        for (String q : List.of("2021-22-Q1", "2021-22-Q2", "2022-23-Q1")) {
          Path file = Path.of("input", service + "_" + q + ".xlsx");
          pipeline.submit(Submission.fromFolder(file, Instant.EPOCH));
        }
      }
      String one = write(store, "one", 1);
      String three = write(store, "three", 3); // its template read ahead
      assertThat(one.lines().filter(l -> l.contains(".xlsx")).count()).isEqualTo(5);
      assertThat(three.replace("three", "one")).isEqualTo(one);
    }
    List<String> files = new ArrayList<>();
    try (var walk = Files.walk(dir.resolve("one"))) {
      walk.filter(p -> p.toString().endsWith(".xlsx"))
          .forEach(p -> files.add(dir.resolve("one").relativize(p).toString()));
    }
    assertThat(files).hasSize(5).contains("services/SVC04.xlsx");
    for (String f : files) {
      Map<String, byte[]> a = parts(dir.resolve("one").resolve(f));
      Map<String, byte[]> b = parts(dir.resolve("three").resolve(f));
      assertThat(b.keySet()).as(f).containsExactlyElementsOf(a.keySet());
      assertThat(a.keySet().stream().filter(k -> k.startsWith("xl/worksheets/sheet")))
          .as(f)
          .hasSizeGreaterThan(100);
      for (String part : a.keySet()) {
        assertThat(b.get(part)).as(f + " " + part).isEqualTo(a.get(part));
      }
    }
  }

  @Test
  void aTemplateReadAheadThatCannotBeReadIsReportedWhenTheReportIsWritten() throws Exception {
    Path broken = dir.resolve("broken.xlsx");
    Files.writeString(broken, "not a workbook");
    try (CaseStore store =
        CaseStore.open(StoreConfig.of(dir.resolve("store.db").toString(), SCHEMA))) {
      new Pipeline(SCHEMA, store, null, null, null)
          .submit(Submission.fromFolder(Path.of("input", "SVC01_2022-23-Q1.xlsx"), Instant.EPOCH));
      ReportWriter writer =
          new ReportWriter(
                  SCHEMA,
                  ReportDefinitions.loadDefault(SCHEMA),
                  MasterOptions.defaults().withTemplate(broken),
                  2)
              .readTemplateAhead();
      PrintStream quiet =
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      assertThatThrownBy(
              () -> writer.write(store, null, LocalDate.of(2023, 5, 2), dir.resolve("out"), quiet))
          .hasMessageContaining("not a valid OOXML"); // what reading it then would have said
      assertThat(dir.resolve("out").resolve("services")).doesNotExist();
    }
  }

  private String write(CaseStore store, String name, int threads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportWriter writer =
        new ReportWriter(
            SCHEMA, ReportDefinitions.loadDefault(SCHEMA), MasterOptions.defaults(), threads);
    if (threads > 1) {
      writer.readTemplateAhead();
    }
    var written =
        writer.write(
            store,
            null,
            LocalDate.of(2023, 5, 2),
            dir.resolve(name),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(written).isPresent();
    assertThat(written.get().services()).hasSize(4);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A workbook's parts in the order they are stored, each with its bytes. */
  private static Map<String, byte[]> parts(Path file) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        parts.put(e.getName(), zip.readAllBytes());
      }
    }
    return parts;
  }
}
