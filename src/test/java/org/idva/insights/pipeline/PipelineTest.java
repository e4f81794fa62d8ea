package org.idva.insights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline every way in shares: the sender's right to submit, the registry, the name the sender
 * gave, the received time, and a resent file.
 */
class PipelineTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final ServiceRegistry REGISTRY =
      ServiceRegistry.of(
          List.of(
              new ServiceRegistry.Service("SVC01", "North", List.of("lead@north.example")),
              new ServiceRegistry.Service("SVC02", "South", List.of("lead@south.example"))));

  @TempDir Path dir;
  CaseStore store;
  Pipeline pipeline;

  @BeforeEach
  void open() {
    store = CaseStore.open(StoreConfig.of(dir.resolve("store.db").toString(), SCHEMA));
    pipeline =
        new Pipeline(SCHEMA, store, REGISTRY, dir.resolve("feedback"), dir.resolve("quarantine"));
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    store.close();
  }

  /** A return kept under a name the tool chose, as mail and web keep them. */
  private Path kept(String service, int rows) throws Exception {
    Path file =
        Files.createDirectories(dir.resolve("received")).resolve("upload-" + rows + ".xlsx");
    new TestReturn(SCHEMA, service, rows).write(file);
    return file;
  }

  @Test
  void aReturnIsCheckedMergedAndAnsweredUnderTheNameItWasSentAs() throws Exception {
    Instant when = Instant.parse("2022-07-10T09:00:00Z");
    Receipt r =
        pipeline.submit(
            new Submission(
                kept("SVC01", 3),
                "SVC01_2022-23-Q1.xlsx",
                Channel.WEB,
                when,
                "lead@north.example",
                "SVC01"));
    assertThat(r.refused()).isFalse();
    assertThat(r.status()).isEqualTo(ReturnStatus.ACCEPTED);
    assertThat(r.merge()).isEqualTo(Receipt.Merge.ADDED);
    assertThat(r.casesAdded()).isEqualTo(3);
    assertThat(r.checked().info().fileName()).isEqualTo("SVC01_2022-23-Q1.xlsx");
    assertThat(r.checked().info().received()).isEqualTo(when);
    assertThat(r.checkedWorkbook()).exists().hasFileName("SVC01_2022-23-Q1-checked.xlsx");
    assertThat(r.messageText()).exists();
    assertThat(store.history("SVC01"))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.fileName()).isEqualTo("SVC01_2022-23-Q1.xlsx");
              assertThat(h.received()).isEqualTo(when);
            });
  }

  @Test
  void theSameFileSentAgainChangesNothing() throws Exception {
    Path file = kept("SVC01", 2);
    Submission first =
        new Submission(file, "SVC01_2022-23-Q1.xlsx", Channel.MAIL, Instant.now(), "a", "SVC01");
    assertThat(pipeline.submit(first).merge()).isEqualTo(Receipt.Merge.ADDED);
    Receipt again = pipeline.submit(first);
    assertThat(again.merge()).isEqualTo(Receipt.Merge.ALREADY_RECEIVED);
    assertThat(store.history(null)).hasSize(1);
  }

  @Test
  void aSenderCannotSubmitForAnotherService() throws Exception {
    Receipt r =
        pipeline.submit(
            new Submission(
                kept("SVC02", 2),
                "SVC02_2022-23-Q1.xlsx",
                Channel.MAIL,
                Instant.now(),
                "lead@north.example",
                "SVC01"));
    assertThat(r.refused()).isTrue();
    assertThat(r.status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(r.checked().findings())
        .extracting(f -> f.code())
        .containsExactly("NOT_SENDERS_SERVICE");
    assertThat(r.checkedWorkbook()).isNull();
    assertThat(store.history(null)).isEmpty();
    assertThat(dir.resolve("feedback")).doesNotExist();
    assertThat(r.quarantined()).exists();
    assertThat(
            Files.readString(
                r.quarantined().resolveSibling(r.quarantined().getFileName() + "-report.txt")))
        .contains("registered for SVC01")
        .contains("Return is for: SVC02");
  }

  @Test
  void aServiceNotInTheRegistryIsRejectedAndNeverStored() throws Exception {
    Receipt r =
        pipeline.submit(
            Submission.fromFolder(
                new TestReturn(SCHEMA, "SVC10", 2).write(dir.resolve("SVC10_2022-23-Q1.xlsx")),
                Instant.now()));
    assertThat(r.refused()).isFalse();
    assertThat(r.status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(r.checked().findings()).extracting(f -> f.code()).contains("UNKNOWN_SERVICE");
    assertThat(r.merge()).isEqualTo(Receipt.Merge.NOT_MERGED);
    assertThat(store.services()).isEmpty();
    assertThat(r.quarantined()).exists();
  }

  @Test
  void withoutARegistryAnyServiceIsTaken() throws Exception {
    Pipeline open = new Pipeline(SCHEMA, store, null, null, null);
    Receipt r =
        open.submit(
            Submission.fromFolder(
                new TestReturn(SCHEMA, "SVC10", 2).write(dir.resolve("SVC10_2022-23-Q1.xlsx")),
                Instant.now()));
    assertThat(r.merge()).isEqualTo(Receipt.Merge.ADDED);
    assertThat(store.services()).containsExactly("SVC10");
  }

  @Test
  void explanationsAreKeptPerAnswerAndReplaced() {
    Instant at = Instant.parse("2023-01-02T03:04:05Z");
    var explanations = store.explanations();
    explanations.record(
        new Explanation("SVC01", "Intake", "C-1", "age", "17", "Client is 17.", "a", "web", at));
    explanations.record(
        new Explanation("SVC02", "Intake", "C-1", "age", "17", "Other service.", "b", "mail", at));
    assertThat(explanations.find("SVC01", "Intake", "C-1", "age", "17"))
        .map(Explanation::text)
        .contains("Client is 17.");
    assertThat(explanations.find("SVC01", "Intake", "C-1", "age", "18")).isEmpty();
    explanations.record(
        new Explanation("SVC01", "Intake", "C-1", "age", "17", "Checked: 17.", "a", "web", at));
    assertThat(explanations.list("SVC01"))
        .singleElement()
        .extracting(Explanation::text)
        .isEqualTo("Checked: 17.");
    assertThat(explanations.list(null)).hasSize(2);
  }
}
