package org.idva.insights.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.idva.insights.store.WriterLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The polling loop: a mailbox that cannot be reached is retried with back-off, never fatal. */
class MailPollerTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  @TempDir Path dir;

  @Test
  void aLostMailboxIsRetriedWithBackOffUntilItAnswers() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    try (CaseStore store = CaseStore.open(StoreConfig.of(dir.resolve("s.db").toString(), SCHEMA))) {
      ServiceRegistry registry =
          ServiceRegistry.of(
              List.of(new ServiceRegistry.Service("SVC01", "North", List.of("a@svc01.example"))));
      Path out = dir.resolve("output");
      MessageProcessor processor =
          new MessageProcessor(
              new Pipeline(SCHEMA, store, registry, out.resolve("feedback"), null),
              store.messageLog(),
              registry,
              out,
              "box@idva.example",
              MessageProcessor.DEFAULT_SIZE_LIMIT,
              null,
              "test",
              Clock.systemUTC());
      MailboxUri imap = MailboxUri.parse("imap://box@idva.example@127.0.0.1:" + port, "imap");
      MailPoller poller =
          new MailPoller(
              processor,
              store.messageLog(),
              () -> store.lockForWriting(Duration.ofSeconds(5), WriterLock.holder("test")),
              new MailPoller.Servers(
                  imap, MailCredentials.password("pw"), null, null, "box@idva.example", null),
              out,
              Clock.systemUTC());
      List<Duration> waits = new ArrayList<>();
      List<Boolean> unreachable = new ArrayList<>();
      poller.run(
          Duration.ofMinutes(5),
          () -> waits.size() >= 4,
          d -> {
            waits.add(d);
            if (waits.size() == 2) {
              server.setUser("box@idva.example", "box@idva.example", "pw");
              server.start(); // the mailbox comes back
            }
          },
          c -> unreachable.add(c.mailboxUnreachable()));
      assertThat(unreachable).containsExactly(true, true, false, false);
      assertThat(waits)
          .containsExactly(
              Duration.ofSeconds(15),
              Duration.ofSeconds(30),
              Duration.ofMinutes(5),
              Duration.ofMinutes(5));
    } finally {
      server.stop();
    }
  }
}
