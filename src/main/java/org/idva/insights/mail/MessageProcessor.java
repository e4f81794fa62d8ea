package org.idva.insights.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.idva.insights.model.Finding;
import org.idva.insights.model.Severity;
import org.idva.insights.pipeline.Channel;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.pipeline.Receipt;
import org.idva.insights.pipeline.ReceivedFiles;
import org.idva.insights.pipeline.Submission;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one received message, however it came (the IMAP folder, an .eml file dropped into
 * {@code input/mail/}): archived raw under {@code output/mail/archive/} before anything else,
 * claimed in the store's message log, its sender checked against the service registry (and the
 * receiving server's authentication results), each workbook attached taken through the {@link
 * Pipeline} in order, and one reply put in the outbox in the transaction that marks the message
 * answered.
 *
 * <p>An unregistered sender (or a From the server could not authenticate) gets nothing back: the
 * attachments are set aside in {@code output/quarantine/mail/<key>/} with a report for the analyst,
 * and nothing of them enters the store.
 *
 * <p>Logs only a message's key and its service code, never addresses, names or contents.
 */
public final class MessageProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);

  /** The default largest attachment read: 25 MB. */
  public static final long DEFAULT_SIZE_LIMIT = 25L * 1024 * 1024;

  /**
   * How long another poller's claim on a message is respected before it counts as crashed: not at
   * all, since every caller processes messages holding the store's writer lock, so no other poller
   * is at work and a claim left open was left by a crash.
   */
  static final Duration STALE_CLAIM = Duration.ZERO;

  /**
   * The system property that injects a crash for tests: {@code mail-after-merge} throws after a
   * message's returns were merged and before its reply is recorded; {@code mail-before-file} after
   * its reply was recorded and before it is moved to its folder (and before the reply is sent).
   */
  public static final String FAULT_PROPERTY = "insights.fault";

  /** The mailbox folder a message is filed in once answered. */
  public enum Folder {
    PROCESSED("Processed"),
    REJECTED("Rejected");

    private final String folderName;

    Folder(String folderName) {
      this.folderName = folderName;
    }

    public String folderName() {
      return folderName;
    }

    static Folder of(String outcome) {
      return REJECTED.folderName.equals(outcome) ? REJECTED : PROCESSED;
    }
  }

  /** A message archived under its key. */
  public record Archived(String key, Path file) {}

  /**
   * What was done with one message.
   *
   * @param handled false when another poller holds it now (leave it in the mailbox)
   * @param already true when it had been processed before (only its filing was left)
   * @param problem true for data problems: a return with errors, nothing usable, a refused sender
   */
  public record Outcome(
      String key,
      String from,
      List<String> attachments,
      String status,
      Folder folder,
      boolean handled,
      boolean already,
      boolean problem) {}

  private final Pipeline pipeline;
  private final MessageLog log;
  private final ServiceRegistry registry;
  private final Path output;
  private final String from;
  private final long sizeLimit;
  private final String authservId;
  private final String holder;
  private final Clock clock;
  private final ReceivedFiles received;
  private final Session session = MailSessions.offline();

  /**
   * @param pipeline the pipeline every return goes through (with the store and the registry)
   * @param log the store's message log
   * @param registry the registered services and their senders
   * @param output the output folder: archive, received files, quarantine and outbox go under it
   * @param from the address replies come from
   * @param sizeLimit the largest attachment read, in bytes
   * @param authservId the receiving server's authentication service id, or null for the topmost
   *     Authentication-Results header
   * @param holder who claims messages (this poller), for the message log
   */
  public MessageProcessor(
      Pipeline pipeline,
      MessageLog log,
      ServiceRegistry registry,
      Path output,
      String from,
      long sizeLimit,
      String authservId,
      String holder,
      Clock clock) {
    this.pipeline = pipeline;
    this.log = log;
    this.registry = registry;
    this.output = output;
    this.from = from;
    this.sizeLimit = sizeLimit;
    this.authservId = authservId;
    this.holder = holder;
    this.clock = clock;
    this.received = new ReceivedFiles(output.resolve("received"));
  }

  /** Where replies wait to be sent. */
  public Path outboxFolder() {
    return output.resolve("outbox");
  }

  /** Something that writes a raw message: a file's bytes, or an IMAP message's. */
  @FunctionalInterface
  public interface RawMessage {
    void writeTo(OutputStream out) throws IOException, MessagingException;
  }

  /**
   * Copies a raw message to {@code output/mail/archive/<key>.eml} and returns its key: SHA-256 of
   * the From address and Message-ID, or of the whole message when it has no Message-ID.
   */
  public Archived archive(RawMessage raw) throws IOException, MessagingException {
    Path dir = Files.createDirectories(output.resolve("mail").resolve("archive"));
    Path part = Files.createTempFile(dir, ".incoming-", ".part");
    try {
      MessageDigest whole = sha256();
      try (OutputStream out =
          new DigestOutputStream(
              new java.io.BufferedOutputStream(Files.newOutputStream(part)), whole)) {
        raw.writeTo(out);
      }
      InternetHeaders headers;
      try (InputStream in = Files.newInputStream(part)) {
        headers = new InternetHeaders(in);
      }
      String messageId = headers.getHeader("Message-ID", null);
      String key;
      if (messageId == null || messageId.isBlank()) {
        key = HexFormat.of().formatHex(whole.digest());
      } else {
        String sender = fromAddress(headers.getHeader("From", ",")).orElse("");
        key =
            HexFormat.of()
                .formatHex(
                    sha256()
                        .digest(
                            ("mid\n" + sender + "\n" + messageId.strip())
                                .getBytes(StandardCharsets.UTF_8)));
      }
      Path file = dir.resolve(key + ".eml");
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Archived(key, file);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Processes an archived message received at {@code receivedAt}. */
  public Outcome process(Archived a, Instant receivedAt) throws IOException, MessagingException {
    SharedFileInputStream in = new SharedFileInputStream(a.file().toFile());
    try {
      MimeMessage message = new MimeMessage(session, in);
      return process(a, message, receivedAt);
    } finally {
      in.close();
    }
  }

  private Outcome process(Archived a, MimeMessage message, Instant receivedAt)
      throws IOException, MessagingException {
    String sender = fromAddress(message).orElse("");
    MessageLog.Claim claim =
        log.claim(
            a.key(),
            Channel.MAIL.name().toLowerCase(Locale.ROOT),
            receivedAt,
            a.file().toString(),
            holder,
            clock.instant(),
            STALE_CLAIM);
    List<AttachmentExtractor.Attachment> attachments = AttachmentExtractor.attachments(message);
    List<String> names = attachments.stream().map(AttachmentExtractor.Attachment::name).toList();
    if (claim == MessageLog.Claim.TAKEN) {
      return new Outcome(
          a.key(), sender, names, "being processed by another poller", null, false, false, false);
    }
    if (claim == MessageLog.Claim.DONE) {
      MessageLog.Entry e = log.find(a.key()).orElseThrow();
      return new Outcome(
          a.key(), sender, names, "already processed", Folder.of(e.outcome()), true, true, false);
    }
    Optional<ServiceRegistry.Service> service = authenticatedService(message, sender);
    if (service.isEmpty()) {
      return refuseUnregistered(a, message, sender, attachments, names, receivedAt);
    }
    ServiceRegistry.Service svc = service.get();
    List<String> lines = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    List<Path> texts = new ArrayList<>();
    List<Path> htmls = new ArrayList<>();
    List<Path> workbooks = new ArrayList<>();
    boolean problem = false;
    boolean anyWorkbook = false;
    boolean allRefused = true;
    if (attachments.isEmpty()) {
      lines.add(
          "No return was attached. Attach your quarterly return workbook (.xlsx or .xls) to a"
              + " message and send it again.");
      statuses.add("no return attached");
      problem = true;
    }
    int n = 0;
    for (AttachmentExtractor.Attachment att : attachments) {
      n++;
      if (!att.workbook()) {
        lines.add(
            att.name()
                + ": not a workbook, so it was not read. Send returns as the .xlsx (or .xls)"
                + " workbook.");
        statuses.add("not a workbook");
        problem = true;
        continue;
      }
      anyWorkbook = true;
      Path file;
      try (InputStream bytes = att.open()) {
        file = received.keep(Channel.MAIL, a.key(), n, att.name(), bytes);
      }
      if (Files.size(file) > sizeLimit) {
        Files.delete(file);
        lines.add(
            att.name()
                + ": larger than the "
                + sizeLimit / (1024 * 1024)
                + " MB limit, so it was not read. A return is much smaller: check that you"
                + " attached the right file, or save it without pictures and send it again.");
        statuses.add("too large");
        problem = true;
        continue;
      }
      Receipt r =
          pipeline.submit(
              new Submission(file, att.name(), Channel.MAIL, receivedAt, sender, svc.code()));
      if (r.refused()) {
        lines.add(
            att.name()
                + ": refused. It is a return for another service ("
                + r.checked().findings().get(0).found()
                + "), and this address may send returns for "
                + svc.code()
                + " only. Nothing of it was stored.");
        statuses.add("refused");
        problem = true;
        continue;
      }
      allRefused = false;
      problem |= r.hasErrors();
      lines.add(att.name() + ": " + describe(r, claim == MessageLog.Claim.RESUMED));
      statuses.add(r.status().label() + " (" + r.merge().description() + ")");
      if (svc.code().equalsIgnoreCase(String.valueOf(r.service())) || r.service() == null) {
        addIfPresent(texts, r.messageText());
        addIfPresent(htmls, r.messageHtml());
        addIfPresent(workbooks, r.checkedWorkbook());
      }
    }
    if ("mail-after-merge".equals(System.getProperty(FAULT_PROPERTY))) {
      throw new IllegalStateException("fault injected between merge and reply");
    }
    Folder folder = anyWorkbook && allRefused ? Folder.REJECTED : Folder.PROCESSED;
    boolean automatic = isAutomatic(message);
    MessageLog.Reply reply = null;
    if (!automatic || anyWorkbook) {
      String to = registeredSpelling(svc, sender);
      Path eml =
          writeReply(a, message, to, new ReplyComposer.Content(lines, texts, htmls, workbooks));
      reply = new MessageLog.Reply(a.key(), to, eml.toString(), clock.instant(), null, 0);
    }
    log.answer(a.key(), holder, svc.code(), folder.folderName(), reply, clock.instant());
    LOG.info(
        "Message {}: {} attachment(s) for {}, {}",
        a.key().substring(0, 12),
        attachments.size(),
        svc.code(),
        folder.folderName());
    return new Outcome(
        a.key(), sender, names, String.join("; ", statuses), folder, true, false, problem);
  }

  private Outcome refuseUnregistered(
      Archived a,
      MimeMessage message,
      String sender,
      List<AttachmentExtractor.Attachment> attachments,
      List<String> names,
      Instant receivedAt)
      throws IOException, MessagingException {
    Path dir = output.resolve("quarantine").resolve("mail").resolve(a.key());
    Files.createDirectories(dir);
    int n = 0;
    for (AttachmentExtractor.Attachment att : attachments) {
      n++;
      try (InputStream in = att.open()) {
        Files.copy(
            in,
            dir.resolve(n + "-" + ReceivedFiles.safeName(att.name())),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    boolean registered = registry.serviceOfSender(sender).isPresent();
    String report =
        String.join(
            System.lineSeparator(),
            "Refused message received " + receivedAt,
            "From: " + sender,
            "Subject: " + String.valueOf(message.getSubject()),
            "Why: "
                + (registered
                    ? "the receiving server could not confirm the From address (its"
                        + " Authentication-Results show no DMARC, SPF or DKIM pass for the sender's"
                        + " domain), so it may be forged"
                    : "the sender is not a registered address of any service in the service"
                        + " registry"),
            "Attachments kept here: " + attachments.size() + " (" + String.join(", ", names) + ")",
            "Raw message: " + a.file(),
            "Nothing of it was stored and nothing was sent back. If the sender is genuine, add the"
                + " address to the service registry and drop the raw message into input/mail/.",
            "");
    Files.writeString(dir.resolve("report.txt"), report, StandardCharsets.UTF_8);
    log.answer(a.key(), holder, null, Folder.REJECTED.folderName(), null, clock.instant());
    LOG.warn(
        "Message {}: refused ({}), {} attachment(s) quarantined",
        a.key().substring(0, 12),
        registered ? "sender not authenticated" : "sender not registered",
        attachments.size());
    return new Outcome(
        a.key(),
        sender,
        names,
        registered ? "refused: sender not authenticated" : "refused: sender not registered",
        Folder.REJECTED,
        true,
        false,
        true);
  }

  /**
   * The sender's service, when the From address is registered and the server did not dispute it.
   */
  private Optional<ServiceRegistry.Service> authenticatedService(MimeMessage m, String sender)
      throws MessagingException {
    if (sender.isEmpty()) {
      return Optional.empty();
    }
    AuthenticationResults.Verdict v =
        AuthenticationResults.verdict(
            m.getHeader("Authentication-Results"),
            AuthenticationResults.domainOf(sender),
            authservId);
    if (v == AuthenticationResults.Verdict.FAIL) {
      return Optional.empty();
    }
    return registry.serviceOfSender(sender);
  }

  private Path writeReply(Archived a, MimeMessage original, String to, ReplyComposer.Content c)
      throws IOException, MessagingException {
    MimeMessage reply =
        new ReplyComposer(session, from)
            .compose(original, to, a.key(), c, Date.from(clock.instant()));
    Path dir = Files.createDirectories(outboxFolder());
    Path file = dir.resolve(a.key() + ".eml");
    Path part = dir.resolve(a.key() + ".eml.part");
    try (OutputStream out = Files.newOutputStream(part)) {
      reply.writeTo(out);
    }
    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /**
   * @param resumed true when an earlier attempt at this message was interrupted: its returns were
   *     merged then, so the store now finds them already received
   */
  private static String describe(Receipt r, boolean resumed) {
    StringBuilder b = new StringBuilder(r.status().label());
    b.append(
        switch (r.merge()) {
          case ADDED -> ". Its data was added.";
          case REPLACED ->
              ". It replaces the return for the same quarter received earlier: its data"
                  + " now counts instead.";
          case ALREADY_RECEIVED, UNCHANGED ->
              resumed
                  ? ". Its data was stored. (This reply comes late: the first attempt to answer was"
                      + " interrupted.)"
                  : ". This exact file was already received, so nothing changed.";
          case OUTDATED ->
              ". A newer return for the same quarter was received before it, so it is"
                  + " kept in the history only.";
          case RECORDED, NOT_MERGED -> ". Nothing of it was stored.";
          case NOT_PROCESSED ->
              ". It could not be processed because of a fault on our side; nothing of it was"
                  + " stored. The analyst has been told and will be in touch.";
        });
    Optional<Finding> firstError =
        r.checked().findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst();
    firstError.ifPresent(f -> b.append(" First problem: ").append(f.fix()));
    return b.toString();
  }

  private static void addIfPresent(List<Path> list, Path p) {
    if (p != null && Files.isRegularFile(p)) {
      list.add(p);
    }
  }

  /** An out-of-office or other automatic message (RFC 3834), or a bulk one. */
  static boolean isAutomatic(MimeMessage m) throws MessagingException {
    String auto = m.getHeader("Auto-Submitted", null);
    String precedence = m.getHeader("Precedence", null);
    return (auto != null && !auto.strip().equalsIgnoreCase("no"))
        || (precedence != null
            && List.of("bulk", "junk", "list")
                .contains(precedence.strip().toLowerCase(Locale.ROOT)));
  }

  /** The address as the registry spells it: replies go there, never to a Reply-To. */
  private static String registeredSpelling(ServiceRegistry.Service svc, String sender) {
    return svc.senders().stream()
        .filter(s -> s.strip().equalsIgnoreCase(sender))
        .findFirst()
        .orElseThrow()
        .strip();
  }

  static Optional<String> fromAddress(MimeMessage m) throws MessagingException {
    Address[] from;
    try {
      from = m.getFrom();
    } catch (MessagingException e) {
      return Optional.empty();
    }
    if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress ia)) {
      return Optional.empty(); // none, or several: no single sender to hold to a service
    }
    return Optional.ofNullable(ia.getAddress()).map(s -> s.strip().toLowerCase(Locale.ROOT));
  }

  private static Optional<String> fromAddress(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      InternetAddress[] a = InternetAddress.parseHeader(header, false);
      return a.length == 1 && a[0].getAddress() != null
          ? Optional.of(a[0].getAddress().strip().toLowerCase(Locale.ROOT))
          : Optional.empty();
    } catch (MessagingException e) {
      return Optional.empty();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
