package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.mail.MessageProcessor;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.idva.insights.store.StoredReturn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insights mail} end to end against an in-process GreenMail server (SMTP and IMAP on free
 * ports): returns sent as a service would send them, the real command run, the replies read back
 * over IMAP as the service's mail client would read them.
 */
class MailCommandTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final String BOX = "returns@idva.example";
  static final String BOX_PASSWORD = "box-secret";
  static final String LEAD1 = "data-lead@svc01.example";
  static final String LEAD2 = "data-lead@svc02.example";
  static final String STRANGER = "someone@elsewhere.example";

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;
  Path services;
  Path input;
  Path output;
  final Map<String, String> env = new HashMap<>();
  String stdout;
  String stderr;

  @BeforeEach
  void setUp() throws Exception {
    greenMail.setUser(BOX, BOX, BOX_PASSWORD);
    greenMail.setUser(LEAD1, LEAD1, "lead1");
    greenMail.setUser(LEAD2, LEAD2, "lead2");
    greenMail.setUser(STRANGER, STRANGER, "stranger");
    services = dir.resolve("services.json");
    Files.writeString(
        services,
        "{\"services\": [\n"
            + "  {\"code\": \"SVC01\", \"name\": \"North\", \"senders\": [\"Data-Lead@svc01.example\"]},\n"
            + "  {\"code\": \"SVC02\", \"name\": \"South\", \"senders\": [\""
            + LEAD2
            + "\"]}\n"
            + "]}\n");
    input = Files.createDirectories(dir.resolve("input"));
    output = dir.resolve("output");
    env.put("INSIGHTS_IMAP_PASSWORD", BOX_PASSWORD);
    env.put("INSIGHTS_SMTP_PASSWORD", BOX_PASSWORD);
    MailCommand.environment = env::get;
  }

  @AfterEach
  void tearDown() {
    MailCommand.environment = System::getenv;
    System.clearProperty(MessageProcessor.FAULT_PROPERTY);
  }

  // ------------------------------------------------------------------------------------ cases

  @Test
  void aReturnIsCheckedMergedAndAnsweredInTheSameThreadOnce() throws Exception {
    MimeMessage sent = message(LEAD1, "Q1 return", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 3));
    sent.setReplyTo(new InternetAddress[] {new InternetAddress(STRANGER)});
    send(sent);

    assertThat(mail("--once")).isEqualTo(ExitCode.OK);
    assertThat(stdout.lines().toList())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains(LEAD1, "SVC01_2022-23-Q1.xlsx", "Accepted", "added", "reply sent"));

    List<MimeMessage> replies = inbox(LEAD1, "lead1");
    assertThat(replies).hasSize(1);
    MimeMessage reply = replies.get(0);
    String originalId = sentMessageId();
    assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(originalId);
    assertThat(reply.getHeader("References", null)).contains(originalId);
    assertThat(reply.getSubject()).isEqualTo("Re: Q1 return");
    assertThat(reply.getRecipients(Message.RecipientType.TO))
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("Data-Lead@svc01.example");
    assertThat(textOf(reply, "text/plain")).contains("SVC01_2022-23-Q1.xlsx: Accepted");
    assertThat(textOf(reply, "text/html")).contains("SVC01_2022-23-Q1.xlsx");
    assertThat(attachmentNames(reply)).containsExactly("SVC01_2022-23-Q1-checked.xlsx");
    assertThat(inbox(STRANGER, "stranger")).as("never to the Reply-To").isEmpty();

    assertThat(history("SVC01"))
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo("current"));
    assertThat(folder(BOX, BOX_PASSWORD, "INBOX")).isEmpty();
    assertThat(folder(BOX, BOX_PASSWORD, "Processed")).hasSize(1);
    try (Stream<Path> archived = Files.list(output.resolve("mail/archive"))) {
      assertThat(archived.filter(p -> p.toString().endsWith(".eml"))).hasSize(1);
    }

    // a second --once finds nothing new and sends nothing twice
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);
    assertThat(stdout).isBlank();
    assertThat(inbox(LEAD1, "lead1")).hasSize(1);
    assertThat(history("SVC01")).hasSize(1);
  }

  @Test
  void encodedAndOddNamesAndSeveralAttachmentsInOneMessage() throws Exception {
    MimeBodyPart first = workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 2);
    // RFC 2047 encoded word in the filename parameter, as some mail clients write it
    first.setHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + MimeUtility.encodeText("SVC01_2022-23-Q1.xlsx", "UTF-8", "B")
            + "\"");
    // a folder before the name, an odd character: RFC 2231 parameters (Angus' default)
    MimeBodyPart second = workbook("C:\\Returns\\SVC01_2022-23-Q2 – copy (2).xlsx", "SVC01", 1);
    MimeBodyPart pdf = file("cover letter é.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
    send(message(LEAD1, "two quarters", first, second, pdf));

    int code = mail("--once");

    assertThat(stdout)
        .contains(
            "SVC01_2022-23-Q1.xlsx", "SVC01_2022-23-Q2 – copy (2).xlsx", "cover letter é.pdf");
    assertThat(code).as(stdout).isEqualTo(ExitCode.DATA_PROBLEMS); // the PDF is not a return
    MimeMessage reply = inbox(LEAD1, "lead1").get(0);
    String text = textOf(reply, "text/plain");
    assertThat(text).contains("SVC01_2022-23-Q1.xlsx: Accepted");
    assertThat(text).contains("cover letter é.pdf: not a workbook");
    assertThat(attachmentNames(reply)).hasSize(2).contains("SVC01_2022-23-Q1-checked.xlsx");
  }

  @Test
  void aSpoofedOrUnregisteredSenderGetsNothingAndNothingIsStored() throws Exception {
    MimeMessage spoofed = message(LEAD1, "spoofed", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 2));
    spoofed.setHeader(
        "Authentication-Results",
        "mx.idva.example; spf=fail smtp.mailfrom=svc01.example; dkim=none; dmarc=fail"
            + " header.from=svc01.example");
    send(spoofed);
    send(message(STRANGER, "mine", workbook("SVC01_2022-23-Q2.xlsx", "SVC01", 2)));

    assertThat(mail("--once")).isEqualTo(ExitCode.DATA_PROBLEMS);

    assertThat(stdout)
        .contains("refused: sender not authenticated", "refused: sender not registered");
    assertThat(inbox(LEAD1, "lead1")).isEmpty();
    assertThat(inbox(STRANGER, "stranger")).isEmpty();
    assertThat(history(null)).isEmpty();
    assertThat(folder(BOX, BOX_PASSWORD, "Rejected")).hasSize(2);
    assertThat(output.resolve("feedback")).doesNotExist();
    List<Path> reports;
    try (Stream<Path> s = Files.walk(output.resolve("quarantine/mail"))) {
      reports = s.filter(p -> p.getFileName().toString().equals("report.txt")).toList();
    }
    assertThat(reports).hasSize(2);
    assertThat(
            String.join("\n", Files.readString(reports.get(0)), Files.readString(reports.get(1))))
        .contains("could not confirm the From address", "not a registered address");
  }

  @Test
  void aReturnForAnotherServiceIsRefusedWithAShortReplyAndNoData() throws Exception {
    send(message(LEAD2, "for north", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 2)));

    assertThat(mail("--once")).isEqualTo(ExitCode.DATA_PROBLEMS);

    MimeMessage reply = inbox(LEAD2, "lead2").get(0);
    assertThat(textOf(reply, "text/plain")).contains("refused", "SVC02 only");
    assertThat(attachmentNames(reply)).isEmpty();
    assertThat(inbox(LEAD1, "lead1")).isEmpty();
    assertThat(history(null)).isEmpty();
    assertThat(folder(BOX, BOX_PASSWORD, "Rejected")).hasSize(1);
  }

  @Test
  void nothingAttachedTooLargeOrPasswordProtectedIsSaidPlainly() throws Exception {
    send(message(LEAD1, "forgot it"));
    byte[] big = new byte[1024 * 1024 + 10];
    send(message(LEAD1, "huge", file("SVC01_2022-23-Q1.xlsx", big)));
    send(
        message(
            LEAD1,
            "locked",
            file(
                "SVC01_2022-23-Q2.xlsx",
                Files.readAllBytes(
                    Path.of("src/test/resources/returns/invalid/07-password-protected.xlsx")))));

    assertThat(mail("--once", "--max-attachment-mb", "1")).isEqualTo(ExitCode.DATA_PROBLEMS);

    List<String> texts = new ArrayList<>();
    for (MimeMessage m : inbox(LEAD1, "lead1")) {
      texts.add(textOf(m, "text/plain"));
    }
    assertThat(texts).hasSize(3);
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("No return was attached"));
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("larger than the 1 MB limit"));
    assertThat(texts)
        .anySatisfy(
            t ->
                assertThat(t)
                    .contains("SVC01_2022-23-Q2.xlsx: Rejected")
                    .containsIgnoringCase("password"));
    assertThat(history("SVC01")).allSatisfy(r -> assertThat(r.state()).isNotEqualTo("current"));
  }

  @Test
  void aCrashBetweenMergeAndReplyLosesNoReplyAndSendsNoneTwice() throws Exception {
    send(message(LEAD1, "Q1", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 3)));

    System.setProperty(MessageProcessor.FAULT_PROPERTY, "mail-after-merge");
    assertThat(mail("--once")).isEqualTo(ExitCode.DATA_PROBLEMS);
    assertThat(stdout).contains("not processed");
    assertThat(history("SVC01")).as("merged before the crash").hasSize(1);
    assertThat(inbox(LEAD1, "lead1")).isEmpty();
    assertThat(folder(BOX, BOX_PASSWORD, "INBOX")).as("left for the next poll").hasSize(1);

    System.clearProperty(MessageProcessor.FAULT_PROPERTY);
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);

    List<MimeMessage> replies = inbox(LEAD1, "lead1");
    assertThat(replies).hasSize(1);
    assertThat(textOf(replies.get(0), "text/plain")).contains("Its data was stored");
    assertThat(attachmentNames(replies.get(0))).containsExactly("SVC01_2022-23-Q1-checked.xlsx");
    assertThat(history("SVC01")).hasSize(1);
    assertThat(folder(BOX, BOX_PASSWORD, "Processed")).hasSize(1);
  }

  @Test
  void aCrashAfterTheAnswerFilesTheMessageAndSendsTheReplyOnTheNextPoll() throws Exception {
    send(message(LEAD1, "Q1", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 3)));

    System.setProperty(MessageProcessor.FAULT_PROPERTY, "mail-before-file");
    assertThat(mail("--once")).isNotIn(ExitCode.OK, ExitCode.DATA_PROBLEMS);
    assertThat(inbox(LEAD1, "lead1")).as("the crash came before the send").isEmpty();
    assertThat(folder(BOX, BOX_PASSWORD, "INBOX")).hasSize(1);

    System.clearProperty(MessageProcessor.FAULT_PROPERTY);
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);
    assertThat(stdout).contains("already processed", "reply sent");
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);

    List<MimeMessage> replies = inbox(LEAD1, "lead1");
    assertThat(replies).hasSize(1);
    assertThat(textOf(replies.get(0), "text/plain")).contains("Its data was added");
    assertThat(history("SVC01")).hasSize(1);
    assertThat(folder(BOX, BOX_PASSWORD, "INBOX")).isEmpty();
    assertThat(folder(BOX, BOX_PASSWORD, "Processed")).hasSize(1);
  }

  @Test
  void whenSmtpFailsTheReplyWaitsInTheOutboxAndGoesNextPoll() throws Exception {
    send(message(LEAD1, "Q1", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 2)));

    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThat(
            mail(
                "--once",
                "--imap",
                imapUri(),
                "--smtp",
                "smtp://" + BOX + "@localhost:" + closed,
                "--from",
                BOX))
        .isEqualTo(ExitCode.OK);
    assertThat(stdout).contains("reply queued in");
    try (Stream<Path> s = Files.list(output.resolve("outbox"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".eml"))).hasSize(1);
    }
    assertThat(inbox(LEAD1, "lead1")).isEmpty();

    assertThat(mail("--once")).isEqualTo(ExitCode.OK);
    assertThat(inbox(LEAD1, "lead1")).hasSize(1);
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);
    assertThat(inbox(LEAD1, "lead1")).hasSize(1);
    try (Stream<Path> s = Files.list(output.resolve("outbox/sent"))) {
      assertThat(s).hasSize(1);
    }
  }

  @Test
  void theNewestArrivalWinsAndAResentFileIsRecognised() throws Exception {
    Path older = Files.createTempFile(dir, "v", ".xlsx");
    new TestReturn(SCHEMA, "SVC01", 4).write(older);
    send(message(LEAD1, "Q1 v2", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 2)));
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);
    Thread.sleep(1100); // IMAP received dates have whole seconds: the next arrival is later
    // an older version of the file, sent after the newer one: it now counts, and the reply says so
    send(
        message(
            LEAD1, "Q1 v1 after all", file("SVC01_2022-23-Q1.xlsx", Files.readAllBytes(older))));
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);
    // the same file again
    send(message(LEAD1, "Q1 v1 again", file("SVC01_2022-23-Q1.xlsx", Files.readAllBytes(older))));
    assertThat(mail("--once")).isEqualTo(ExitCode.OK);

    List<String> texts = new ArrayList<>();
    for (MimeMessage m : inbox(LEAD1, "lead1")) {
      texts.add(m.getSubject() + "\n" + textOf(m, "text/plain"));
    }
    assertThat(texts).hasSize(3);
    assertThat(
            texts.stream()
                .filter(t -> t.startsWith("Re: Q1 v1 after all"))
                .findFirst()
                .orElseThrow())
        .contains("It replaces the return for the same quarter received earlier");
    assertThat(
            texts.stream().filter(t -> t.startsWith("Re: Q1 v1 again")).findFirst().orElseThrow())
        .contains("already received, so nothing changed");
    List<StoredReturn> h = history("SVC01");
    assertThat(h).hasSize(2);
    StoredReturn current =
        h.stream().filter(r -> r.state().equals("current")).findFirst().orElseThrow();
    StoredReturn superseded =
        h.stream().filter(r -> r.state().equals("superseded")).findFirst().orElseThrow();
    assertThat(current.received()).isAfter(superseded.received());
    assertThat(current.rowsStored())
        .as("the later arrival's (older, four-case) data counts")
        .isGreaterThan(superseded.rowsStored());
  }

  @Test
  void offlineFromDroppedEmlFilesByMailAndRun() throws Exception {
    Path drop = Files.createDirectories(input.resolve("mail"));
    MimeMessage m = message(LEAD1, "Q1 offline", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 2));
    m.setHeader("Received", "from mx by mx.idva.example; Mon, 10 Jul 2023 09:00:00 +0000");
    m.saveChanges();
    try (var out = Files.newOutputStream(drop.resolve("first.eml"))) {
      m.writeTo(out);
    }
    assertThat(runMail()).isEqualTo(ExitCode.OK);
    assertThat(stdout).contains(LEAD1, "SVC01_2022-23-Q1.xlsx", "reply queued in");
    assertThat(history("SVC01"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.received())
                    .isEqualTo(java.time.Instant.parse("2023-07-10T09:00:00Z")));
    try (Stream<Path> s = Files.list(output.resolve("outbox"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".eml"))).hasSize(1);
    }

    MimeMessage second =
        message(LEAD1, "Q2 offline", workbook("SVC01_2022-23-Q2.xlsx", "SVC01", 1));
    try (var out = Files.newOutputStream(drop.resolve("second.eml"))) {
      second.writeTo(out);
    }
    int code =
        Main.run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--store",
            dir.resolve("store.db").toString(),
            "--services",
            services.toString(),
            "--no-report");
    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(history("SVC01")).hasSize(2);
    try (Stream<Path> s = Files.list(output.resolve("outbox"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".eml"))).hasSize(2);
    }
  }

  @Test
  void anUnreachableMailboxExitsFour() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThat(mail("--once", "--imap", "imap://" + BOX + "@localhost:" + closed))
        .isEqualTo(ExitCode.IO);
    assertThat(stderr).contains("Mailbox not reachable");
    env.put("INSIGHTS_IMAP_PASSWORD", "wrong");
    assertThat(mail("--once")).isEqualTo(ExitCode.IO);
    assertThat(stderr).doesNotContain("wrong").doesNotContain(BOX_PASSWORD);
  }

  @Test
  void passwordsComeOnlyFromTheEnvironment() throws Exception {
    env.remove("INSIGHTS_IMAP_PASSWORD");
    assertThat(mail("--once")).isEqualTo(ExitCode.USAGE);
    assertThat(stderr).contains("INSIGHTS_IMAP_PASSWORD");
    assertThat(mail("--once", "--imap-password", "x")).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void oauth2WithXoauth2AndATokenFromTheClientCredentialsGrantOrTheEnvironment() throws Exception {
    List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer tokens =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    tokens.createContext(
        "/tenant/oauth2/v2.0/token",
        ex -> {
          requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body =
              "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"tok-1\"}"
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    tokens.start();
    try {
      // GreenMail's XOAUTH2 accepts the user's password as the access token
      greenMail.getUserManager().getUser(BOX).setPassword("tok-1");
      env.clear();
      env.put("INSIGHTS_OAUTH_CLIENT_SECRET", "app-secret");
      send(message(LEAD1, "Q1", workbook("SVC01_2022-23-Q1.xlsx", "SVC01", 2)));

      int code =
          mail(
              "--once",
              "--auth",
              "oauth2",
              "--oauth-token-url",
              "http://127.0.0.1:" + tokens.getAddress().getPort() + "/tenant/oauth2/v2.0/token",
              "--oauth-client-id",
              "insights-app",
              "--oauth-scope",
              "https://outlook.office365.com/.default");

      assertThat(code).as(stderr).isEqualTo(ExitCode.OK);
      assertThat(inbox(LEAD1, "lead1")).hasSize(1);
      assertThat(requests)
          .isNotEmpty()
          .allSatisfy(
              r -> assertThat(r).contains("client_id=insights-app", "client_secret=app-secret"));

      env.put("INSIGHTS_MAIL_TOKEN", "expired-token");
      assertThat(mail("--once", "--auth", "oauth2")).isEqualTo(ExitCode.IO);
      assertThat(stderr).doesNotContain("expired-token");
      env.put("INSIGHTS_MAIL_TOKEN", "tok-1");
      send(message(LEAD1, "Q2", workbook("SVC01_2022-23-Q2.xlsx", "SVC01", 1)));
      assertThat(mail("--once", "--auth", "oauth2")).isEqualTo(ExitCode.OK);
      assertThat(inbox(LEAD1, "lead1")).hasSize(2);
    } finally {
      tokens.stop(0);
    }
  }

  @Test
  void aBrokenOrMissingRegistryStopsWithExitThreeNamingTheFileAndKey() throws Exception {
    Files.writeString(
        services,
        "{\"services\": [\n"
            + "  {\"code\": \"SVC01\", \"name\": \"North\", \"senders\": [\"a@x.example\"]},\n"
            + "  {\"code\": \"SVC02\", \"name\": \"South\", \"senders\": [\"A@x.example\"],"
            + " \"phone\": \"1\"}\n"
            + "]}\n");
    assertThat(mail("--once")).isEqualTo(ExitCode.BROKEN_DEFINITIONS);
    assertThat(stderr).contains("services.json").contains("phone");
    Files.writeString(
        services,
        "{\"services\": [\n"
            + "  {\"code\": \"SVC01\", \"name\": \"North\", \"senders\": [\"a@x.example\"]},\n"
            + "  {\"code\": \"SVC02\", \"name\": \"South\", \"senders\": [\"A@x.example\"]}\n"
            + "]}\n");
    assertThat(mail("--once")).isEqualTo(ExitCode.BROKEN_DEFINITIONS);
    assertThat(stderr).contains("services.json").contains("listed twice");
    Files.delete(services);
    assertThat(mail("--once")).isEqualTo(ExitCode.BROKEN_DEFINITIONS);
    assertThat(stderr).contains("services.json");
  }

  // ------------------------------------------------------------------------------------ helpers

  String imapUri() {
    return "imap://" + BOX + "@localhost:" + greenMail.getImap().getPort();
  }

  String smtpUri() {
    return "smtp://" + BOX + "@localhost:" + greenMail.getSmtp().getPort();
  }

  /** Runs {@code mail} against the test server with the usual options and any given. */
  int mail(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("mail"));
    List<String> given = List.of(extra);
    if (!given.contains("--imap")) {
      args.addAll(List.of("--imap", imapUri()));
    }
    if (!given.contains("--smtp")) {
      args.addAll(List.of("--smtp", smtpUri(), "--from", BOX));
    }
    args.addAll(given);
    return withCommon(args);
  }

  /** {@code mail --once} with no servers: the dropped .eml files only. */
  int runMail() throws Exception {
    return withCommon(new ArrayList<>(List.of("mail", "--once")));
  }

  int withCommon(List<String> args) throws Exception {
    return capture(
        args,
        "--services",
        services.toString(),
        "--store",
        dir.resolve("store.db").toString(),
        "--output",
        output.toString(),
        "--input",
        input.toString());
  }

  int capture(List<String> args, String... common) throws Exception {
    args.addAll(List.of(common));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.run(args.toArray(String[]::new));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    stdout = out.toString(StandardCharsets.UTF_8);
    stderr = err.toString(StandardCharsets.UTF_8);
    return code;
  }

  List<StoredReturn> history(String service) {
    try (CaseStore store =
        CaseStore.open(StoreConfig.of(dir.resolve("store.db").toString(), SCHEMA))) {
      return store.history(service);
    }
  }

  MimeBodyPart workbook(String name, String service, int rows) throws Exception {
    Path f = Files.createTempFile(dir, "wb", ".xlsx");
    TestReturn r = new TestReturn(SCHEMA, service, rows);
    // the About sheet names the quarter the file name does (a mismatch rejects the return)
    java.util.regex.Matcher q =
        java.util.regex.Pattern.compile("(\\d{4}-\\d{2})-Q(\\d)").matcher(name);
    if (q.find()) {
      r.about().put(org.idva.insights.render.AboutSheet.QUARTER, q.group(1) + " Q" + q.group(2));
    }
    r.write(f);
    return file(name, Files.readAllBytes(f));
  }

  static MimeBodyPart file(String name, byte[] bytes) throws Exception {
    MimeBodyPart p = new MimeBodyPart();
    p.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/octet-stream")));
    p.setFileName(name);
    p.setDisposition(Part.ATTACHMENT);
    return p;
  }

  private String lastMessageId;

  MimeMessage message(String from, String subject, MimeBodyPart... attachments) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(BOX));
    m.setSubject(subject, "UTF-8");
    MimeMultipart mp = new MimeMultipart();
    MimeBodyPart body = new MimeBodyPart();
    body.setText("Please find our return attached.", "UTF-8");
    mp.addBodyPart(body);
    for (MimeBodyPart a : attachments) {
      mp.addBodyPart(a);
    }
    m.setContent(mp);
    m.saveChanges();
    return m;
  }

  void send(MimeMessage m) throws Exception {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "localhost");
    p.setProperty("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    MimeMessage copy = new MimeMessage(Session.getInstance(p), toStream(m));
    Transport.send(copy); // saves changes: a new Message-ID
    lastMessageId = copy.getMessageID();
  }

  String sentMessageId() {
    return lastMessageId;
  }

  private static java.io.InputStream toStream(MimeMessage m) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    m.writeTo(b);
    return new java.io.ByteArrayInputStream(b.toByteArray());
  }

  List<MimeMessage> inbox(String user, String password) throws Exception {
    return folder(user, password, "INBOX");
  }

  /** The messages in a folder, read over IMAP as a mail client would (copied out). */
  List<MimeMessage> folder(String user, String password, String name) throws Exception {
    Session s = Session.getInstance(new Properties());
    List<MimeMessage> out = new ArrayList<>();
    try (Store store = s.getStore("imap")) {
      store.connect("localhost", greenMail.getImap().getPort(), user, password);
      Folder f = store.getFolder(name);
      if (!f.exists()) {
        return out;
      }
      f.open(Folder.READ_ONLY);
      for (Message m : f.getMessages()) {
        out.add(new MimeMessage((MimeMessage) m));
      }
      f.close(false);
    }
    return out;
  }

  static String textOf(Part p, String type) throws Exception {
    if (p.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
      return (String) p.getContent();
    }
    if (p.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) p.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        String t = textOf(mp.getBodyPart(i), type);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  static List<String> attachmentNames(Part p) throws Exception {
    List<String> names = new ArrayList<>();
    if (p.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) p.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart b = mp.getBodyPart(i);
        if (Part.ATTACHMENT.equalsIgnoreCase(b.getDisposition())) {
          names.add(b.getFileName());
        } else {
          names.addAll(attachmentNames(b));
        }
      }
    }
    return names;
  }
}
