package org.idva.insights.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.idva.insights.store.WriterLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pollers on one mailbox and one store at the same time (each with its own store connection, as
 * two processes would have): every message is processed and answered exactly once.
 */
class TwoPollersTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final String BOX = "returns@idva.example";
  static final String LEAD = "lead@svc01.example";

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;

  @Test
  void everyMessageIsAnsweredExactlyOnce() throws Exception {
    greenMail.setUser(BOX, BOX, "pw");
    greenMail.setUser(LEAD, LEAD, "lead");
    int messages = 4;
    for (int q = 1; q <= messages; q++) {
      Path f = Files.createTempFile(dir, "r", ".xlsx");
      new TestReturn(SCHEMA, "SVC01", q).write(f);
      MimeMessage m = new MimeMessage(greenMail.getSmtp().createSession());
      m.setFrom(new InternetAddress(LEAD));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(BOX));
      m.setSubject("return " + q);
      MimeBodyPart a = new MimeBodyPart();
      a.setDataHandler(
          new DataHandler(
              new ByteArrayDataSource(Files.readAllBytes(f), "application/octet-stream")));
      a.setFileName("SVC01_2022-23-Q" + q + ".xlsx");
      a.setDisposition(Part.ATTACHMENT);
      m.setContent(new MimeMultipart(a));
      m.saveChanges();
      jakarta.mail.Transport.send(m);
    }
    Path db = dir.resolve("store.db");
    Path out = dir.resolve("output");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<MailPoller.Line>>> runs = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        String name = "poller-" + p;
        Callable<List<MailPoller.Line>> poll = () -> pollOnce(db, out, name);
        runs.add(pool.submit(poll));
      }
      List<MailPoller.Line> lines = new ArrayList<>();
      for (Future<List<MailPoller.Line>> f : runs) {
        lines.addAll(f.get());
      }
      assertThat(lines.stream().filter(l -> l.outcome().handled() && !l.outcome().already()))
          .hasSize(messages);
    } finally {
      pool.shutdownNow();
    }
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect("localhost", greenMail.getImap().getPort(), LEAD, "lead");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessageCount()).isEqualTo(messages);
      List<String> subjects = new ArrayList<>();
      for (Message m : inbox.getMessages()) {
        subjects.add(m.getSubject());
      }
      assertThat(subjects).doesNotHaveDuplicates();
    }
    try (CaseStore store = CaseStore.open(StoreConfig.of(db.toString(), SCHEMA))) {
      assertThat(store.history("SVC01")).hasSize(messages);
    }
  }

  private static List<MailPoller.Line> pollOnce(Path db, Path out, String name) throws Exception {
    try (CaseStore store = CaseStore.open(StoreConfig.of(db.toString(), SCHEMA))) {
      ServiceRegistry registry =
          ServiceRegistry.of(List.of(new ServiceRegistry.Service("SVC01", "N", List.of(LEAD))));
      MessageProcessor processor =
          new MessageProcessor(
              new Pipeline(SCHEMA, store, registry, out.resolve("feedback"), null),
              store.messageLog(),
              registry,
              out,
              BOX,
              MessageProcessor.DEFAULT_SIZE_LIMIT,
              null,
              name,
              Clock.systemUTC());
      MailPoller poller =
          new MailPoller(
              processor,
              store.messageLog(),
              () -> store.lockForWriting(Duration.ofMinutes(2), WriterLock.holder(name)),
              new MailPoller.Servers(
                  MailboxUri.parse(
                      "imap://" + BOX + "@localhost:" + greenMail.getImap().getPort(), "imap"),
                  MailCredentials.password("pw"),
                  MailboxUri.parse("smtp://localhost:" + greenMail.getSmtp().getPort(), "smtp"),
                  null,
                  BOX,
                  null),
              out,
              Clock.systemUTC());
      return poller.cycle().lines();
    }
  }
}
