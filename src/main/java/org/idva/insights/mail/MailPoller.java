package org.idva.insights.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.MessageLog;
import org.idva.insights.store.StoreBusyException;
import org.idva.insights.store.WriterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the mailbox, and the loop of polls: send the replies waiting in the outbox, process
 * the .eml files dropped into {@code input/mail/} and the messages waiting in the IMAP folder (in
 * arrival order), file each message away, then send the new replies. A mailbox that cannot be
 * reached ends the cycle, not the poller: the loop retries with back-off.
 */
public final class MailPoller {
  private static final Logger LOG = LoggerFactory.getLogger(MailPoller.class);

  /** How to wait between polls (a test passes one that does not really wait). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * Where the messages come from and the replies go.
   *
   * @param imap the IMAP folder, or null to read only dropped .eml files
   * @param smtp the SMTP server, or null to leave replies in the outbox
   * @param dropFolder the folder of dropped .eml files ({@code input/mail}), or null
   */
  public record Servers(
      MailboxUri imap,
      MailCredentials imapCredentials,
      MailboxUri smtp,
      MailCredentials smtpCredentials,
      String from,
      Path dropFolder) {}

  /** One message's line and whether its reply went. */
  public record Line(MessageProcessor.Outcome outcome, String reply) {
    /** The console line: from, attachments, status, reply sent or queued. */
    public String text() {
      MessageProcessor.Outcome o = outcome;
      String from = o.from().isEmpty() ? "(no single From address)" : o.from();
      String files =
          o.attachments().isEmpty() ? "no attachment" : String.join(", ", o.attachments());
      return from + "  [" + files + "]  " + o.status() + "  reply " + reply;
    }
  }

  /** What one poll did. */
  public record Cycle(List<Line> lines, boolean mailboxUnreachable, String unreachableReason) {
    public boolean problems() {
      return lines.stream().anyMatch(l -> l.outcome().problem());
    }
  }

  private final MessageProcessor processor;
  private final MessageLog log;
  private final Servers servers;
  private final Path output;
  private final Clock clock;
  private final Outbox outbox;
  private final Supplier<WriterLock> writerLock;

  /**
   * @param writerLock takes the store's one-writer lock, held for each poll cycle (so two pollers,
   *     or a poller and {@code run}, take turns, and a message claim left open can only have been
   *     left by a crash)
   */
  public MailPoller(
      MessageProcessor processor,
      MessageLog log,
      Supplier<WriterLock> writerLock,
      Servers servers,
      Path output,
      Clock clock) {
    this.processor = processor;
    this.log = log;
    this.writerLock = writerLock;
    this.servers = servers;
    this.output = output;
    this.clock = clock;
    this.outbox = new Outbox(log, servers.smtp(), servers.smtpCredentials(), servers.from(), clock);
  }

  /**
   * The poller of a command: its messages go through {@code pipeline} into {@code cases}, each
   * cycle under the store's writer lock (waiting up to {@code lockWait}), claims held as {@code
   * what} ({@code insights mail}, {@code insights run}).
   */
  public static MailPoller over(
      CaseStore cases,
      Pipeline pipeline,
      ServiceRegistry registry,
      Servers servers,
      Path output,
      long sizeLimit,
      String authservId,
      Duration lockWait,
      String what) {
    Clock clock = Clock.systemUTC();
    String holder = WriterLock.holder(what);
    MessageProcessor processor =
        new MessageProcessor(
            pipeline,
            cases.messageLog(),
            registry,
            output,
            servers.from(),
            sizeLimit,
            authservId,
            holder,
            clock);
    return new MailPoller(
        processor,
        cases.messageLog(),
        () -> cases.lockForWriting(lockWait, holder),
        servers,
        output,
        clock);
  }

  /** One poll: reads what is waiting, answers it, files it. */
  public Cycle cycle() throws IOException {
    List<MessageProcessor.Outcome> outcomes = new ArrayList<>();
    boolean unreachable = false;
    String reason = null;
    try (WriterLock lock = writerLock.get()) {
      outbox.sendPending();
      if (servers.dropFolder() != null) {
        outcomes.addAll(dropped(servers.dropFolder()));
      }
      if (servers.imap() != null) {
        try (ImapMailbox box = ImapMailbox.open(servers.imap(), servers.imapCredentials())) {
          for (Message m : box.waiting()) {
            MessageProcessor.Outcome o = imapMessage(box, m);
            if (o != null) {
              outcomes.add(o);
            }
          }
        } catch (MessagingException | IOException e) {
          unreachable = true;
          reason = e.getMessage();
          LOG.warn("Mailbox {} not reachable: {}", servers.imap(), e.getMessage());
        }
      }
      outbox.sendPending();
    }
    List<Line> lines = new ArrayList<>();
    for (MessageProcessor.Outcome o : outcomes) {
      lines.add(new Line(o, replyState(o)));
    }
    return new Cycle(lines, unreachable, reason);
  }

  private MessageProcessor.Outcome imapMessage(ImapMailbox box, Message m)
      throws MessagingException, IOException {
    Instant received =
        m.getReceivedDate() == null ? clock.instant() : m.getReceivedDate().toInstant();
    MessageProcessor.Archived a = processor.archive(m::writeTo);
    MessageProcessor.Outcome o;
    try {
      o = processor.process(a, received);
    } catch (StoreBusyException e) {
      throw e;
    } catch (IOException | MessagingException | RuntimeException e) {
      LOG.error(
          "Message {} not processed; it stays for the next poll", a.key().substring(0, 12), e);
      return failed(a, e);
    }
    if (o.handled()) {
      if ("mail-before-file".equals(System.getProperty(MessageProcessor.FAULT_PROPERTY))) {
        throw new IllegalStateException("fault injected between the answer and the filing");
      }
      box.file(m, o.folder().folderName());
      log.filed(a.key(), clock.instant());
    }
    return o;
  }

  /** The .eml files dropped into a folder, processed in order of their received time. */
  public List<MessageProcessor.Outcome> dropped(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
              .toList();
    }
    record Dropped(Path file, Instant received) {}
    List<Dropped> order = new ArrayList<>();
    for (Path f : files) {
      order.add(new Dropped(f, receivedTime(f, clock.instant())));
    }
    order.sort(Comparator.comparing(Dropped::received).thenComparing(Dropped::file));
    List<MessageProcessor.Outcome> outcomes = new ArrayList<>();
    for (Dropped d : order) {
      MessageProcessor.Archived a;
      try {
        a = processor.archive(out -> Files.copy(d.file(), out));
      } catch (MessagingException e) {
        throw new IOException(d.file() + ": " + e.getMessage(), e);
      }
      try {
        MessageProcessor.Outcome o = processor.process(a, d.received());
        if (o.handled() && !o.already()) {
          log.filed(a.key(), clock.instant());
        }
        if (!o.already()) {
          outcomes.add(o);
        }
      } catch (StoreBusyException e) {
        throw e;
      } catch (IOException | MessagingException | RuntimeException e) {
        LOG.error(
            "Message {} not processed; it stays for the next poll", a.key().substring(0, 12), e);
        outcomes.add(failed(a, e));
      }
    }
    return outcomes;
  }

  private static MessageProcessor.Outcome failed(MessageProcessor.Archived a, Exception e) {
    return new MessageProcessor.Outcome(
        a.key(),
        "",
        List.of(),
        "not processed (" + e.getClass().getSimpleName() + "), left for the next poll",
        null,
        false,
        false,
        true);
  }

  /**
   * When a dropped message was received: the date of its topmost Received header (the last server
   * that took it), else its Date header, else now.
   */
  static Instant receivedTime(Path eml, Instant now) throws IOException {
    InternetHeaders headers;
    try (InputStream in = Files.newInputStream(eml)) {
      headers = new InternetHeaders(in);
    } catch (MessagingException e) {
      return now;
    }
    MailDateFormat format = new MailDateFormat();
    String[] received = headers.getHeader("Received");
    if (received != null && received.length > 0) {
      int semi = received[0].lastIndexOf(';');
      if (semi >= 0) {
        try {
          return format.parse(received[0].substring(semi + 1).strip()).toInstant();
        } catch (ParseException e) {
          // fall through to the Date header
        }
      }
    }
    String date = headers.getHeader("Date", null);
    if (date != null) {
      try {
        return format.parse(date.strip()).toInstant();
      } catch (ParseException e) {
        return now;
      }
    }
    return now;
  }

  private String replyState(MessageProcessor.Outcome o) {
    if (!o.handled()) {
      return "none";
    }
    return log.reply(o.key())
        .map(r -> r.sentAt() != null ? "sent" : "queued in " + processor.outboxFolder())
        .orElse("none");
  }

  /**
   * Polls every {@code every} until {@code stopped}; a mailbox that cannot be reached is tried
   * again after 15 s, 30 s, 1 min and so on up to 15 min, then every 15 min until it answers.
   */
  public void run(
      Duration every,
      BooleanSupplier stopped,
      Sleeper sleeper,
      java.util.function.Consumer<Cycle> each)
      throws IOException, InterruptedException {
    Backoff backoff = new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(15));
    while (!stopped.getAsBoolean()) {
      Cycle c;
      try {
        c = cycle();
      } catch (StoreBusyException e) {
        LOG.warn("Poll skipped: {}", e.getMessage());
        c = new Cycle(List.of(), true, e.getMessage());
      }
      each.accept(c);
      if (stopped.getAsBoolean()) {
        return;
      }
      sleeper.sleep(c.mailboxUnreachable() ? backoff.next() : backoff.reset(every));
    }
  }
}
