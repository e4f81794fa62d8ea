package org.idva.insights.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import org.idva.insights.store.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the replies waiting in the outbox ({@code output/outbox/*.eml}, recorded in the message
 * log) and marks each sent, moving its file to {@code output/outbox/sent/}. Repeatable: a reply
 * that could not go stays and goes on the next poll. Each reply goes only to the recipient recorded
 * with it. Without an SMTP server nothing is sent: the replies wait for one, or for a person.
 */
final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /** What one round of sending did. */
  record Sent(int sent, int failed) {}

  private final MessageLog log;
  private final MailboxUri smtp;
  private final MailCredentials credentials;
  private final String from;
  private final Clock clock;

  /**
   * @param smtp the SMTP server, or null to send nothing
   * @param from the address replies come from (set on each reply as it goes), or null to keep the
   *     one it was written with
   */
  Outbox(MessageLog log, MailboxUri smtp, MailCredentials credentials, String from, Clock clock) {
    this.log = log;
    this.smtp = smtp;
    this.credentials = credentials;
    this.from = from;
    this.clock = clock;
  }

  Sent sendPending() {
    List<MessageLog.Reply> pending = log.unsent();
    if (smtp == null || pending.isEmpty()) {
      return new Sent(0, pending.size());
    }
    Session session = MailSessions.forServer(smtp, credentials);
    int sent = 0;
    int failed = 0;
    try (Transport transport = session.getTransport(smtp.protocol())) {
      transport.connect(
          smtp.host(),
          smtp.port(),
          smtp.user().isEmpty() ? null : smtp.user(),
          smtp.user().isEmpty() ? null : credentials.secret());
      for (MessageLog.Reply r : pending) {
        try {
          send(session, transport, r);
          sent++;
        } catch (SendFailedException e) {
          failed++;
          log.sendFailed(r.key(), "recipient refused: " + e.getMessage());
          LOG.warn("Reply {} not accepted by the SMTP server", r.key().substring(0, 12));
        }
      }
    } catch (MessagingException | IOException e) {
      failed = pending.size() - sent;
      LOG.warn(
          "SMTP server {} not reachable; {} reply(ies) wait in the outbox ({})",
          smtp,
          failed,
          e.getMessage());
    }
    return new Sent(sent, failed);
  }

  private void send(Session session, Transport transport, MessageLog.Reply r)
      throws MessagingException, IOException {
    Path file = Path.of(r.file());
    MimeMessage message;
    try (InputStream in = Files.newInputStream(file)) {
      message = new ReplyComposer.FixedIdMessage(session, in);
    }
    if (from != null) {
      message.setFrom(new InternetAddress(from));
      message.saveChanges();
    }
    transport.sendMessage(message, new Address[] {new InternetAddress(r.recipient())});
    log.sent(r.key(), clock.instant());
    Path sentDir = Files.createDirectories(file.resolveSibling("sent"));
    Files.move(file, sentDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    LOG.info("Reply {} sent", r.key().substring(0, 12));
  }
}
