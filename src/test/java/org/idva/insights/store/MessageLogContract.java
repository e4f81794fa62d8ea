package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.Test;

/**
 * The message log and outbox (V4) on each database: a message is claimed once, answered once with
 * at most one reply, and a reply is sent until marked sent.
 */
abstract class MessageLogContract {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

  /** A location (file or JDBC URL) of an empty store. */
  abstract String emptyStore() throws Exception;

  @Test
  void aMessageIsClaimedAnsweredAndFiledOnce() throws Exception {
    try (CaseStore store = CaseStore.open(StoreConfig.of(emptyStore(), SCHEMA))) {
      MessageLog log = store.messageLog();
      assertThat(log.claim("k1", "mail", T0, "a/k1.eml", "p1", T0, Duration.ofMinutes(30)))
          .isEqualTo(MessageLog.Claim.NEW);
      assertThat(
              log.claim(
                  "k1", "mail", T0, "a/k1.eml", "p2", T0.plusSeconds(60), Duration.ofMinutes(30)))
          .as("another poller's fresh claim")
          .isEqualTo(MessageLog.Claim.TAKEN);
      assertThat(log.claim("k1", "mail", T0, "a/k1.eml", "p2", T0.plusSeconds(60), Duration.ZERO))
          .as("a claim left by a crash, taken over under the writer lock")
          .isEqualTo(MessageLog.Claim.RESUMED);
      assertThat(
              log.answer(
                  "k1",
                  "p1",
                  "SVC01",
                  "Processed",
                  new MessageLog.Reply("k1", "lead@svc01.example", "o/k1.eml", T0, null, 0),
                  T0))
          .as("p1 no longer holds it")
          .isFalse();
      assertThat(log.unsent()).isEmpty();
      MessageLog.Reply reply =
          new MessageLog.Reply("k1", "lead@svc01.example", "o/k1.eml", T0, null, 0);
      assertThat(log.answer("k1", "p2", "SVC01", "Processed", reply, T0.plusSeconds(90))).isTrue();
      assertThat(log.answer("k1", "p2", "SVC01", "Processed", reply, T0.plusSeconds(91)))
          .as("answered once only")
          .isFalse();
      assertThat(log.claim("k1", "mail", T0, "a/k1.eml", "p3", T0.plusSeconds(99), Duration.ZERO))
          .isEqualTo(MessageLog.Claim.DONE);
      MessageLog.Entry e = log.find("k1").orElseThrow();
      assertThat(e.state()).isEqualTo(MessageLog.State.ANSWERED);
      assertThat(e.service()).isEqualTo("SVC01");
      assertThat(e.outcome()).isEqualTo("Processed");
      assertThat(e.received()).isEqualTo(T0);
      log.filed("k1", T0.plusSeconds(100));
      assertThat(log.find("k1").orElseThrow().state()).isEqualTo(MessageLog.State.FILED);
      assertThat(log.find("k2")).isEmpty();
    }
  }

  @Test
  void aReplyStaysInTheOutboxUntilSent() throws Exception {
    try (CaseStore store = CaseStore.open(StoreConfig.of(emptyStore(), SCHEMA))) {
      MessageLog log = store.messageLog();
      for (String k : new String[] {"b", "a", "c"}) {
        log.claim(k, "mail", T0, k + ".eml", "p", T0, Duration.ZERO);
      }
      log.answer(
          "b",
          "p",
          "SVC01",
          "Processed",
          new MessageLog.Reply("b", "x@y.example", "b.eml", T0, null, 0),
          T0);
      log.answer(
          "a",
          "p",
          "SVC02",
          "Processed",
          new MessageLog.Reply("a", "z@y.example", "a.eml", T0, null, 0),
          T0.plusSeconds(1));
      log.answer("c", "p", null, "Rejected", null, T0.plusSeconds(2));
      assertThat(log.unsent()).extracting(MessageLog.Reply::key).containsExactly("b", "a");
      log.sendFailed("b", "server down");
      assertThat(log.unsent()).extracting(MessageLog.Reply::attempts).containsExactly(1, 0);
      log.sent("b", T0.plusSeconds(5));
      assertThat(log.unsent()).extracting(MessageLog.Reply::key).containsExactly("a");
      assertThat(log.reply("b").orElseThrow().sentAt()).isEqualTo(T0.plusSeconds(5));
      assertThat(log.reply("b").orElseThrow().attempts()).isEqualTo(2);
      assertThat(log.reply("c")).isEmpty();
    }
  }
}
