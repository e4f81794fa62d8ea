package org.idva.insights.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.idva.insights.mail.ClientCredentialsGrant;
import org.idva.insights.mail.MailCredentials;
import org.idva.insights.mail.MailPoller;
import org.idva.insights.mail.MailboxUri;
import org.idva.insights.mail.TokenCommand;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights mail}: returns by e-mail. Reads the messages waiting in an IMAP folder (and the
 * .eml files dropped into {@code input/mail/}), takes every workbook attached through the same
 * pipeline as {@code run}, and answers each sender with the feedback and the checked workbook.
 */
@Command(
    name = "mail",
    mixinStandardHelpOptions = true,
    description = {
      "Returns by e-mail: read the messages waiting in a mailbox (and .eml files dropped into"
          + " <input>/mail/), check and merge every .xlsx/.xls attached exactly as `run` does, and"
          + " reply to the sender's registered address with the feedback and the checked workbook."
          + " Every message is archived raw under <output>/mail/archive/ first; replies wait in"
          + " <output>/outbox/ until sent.",
      "Passwords come from the environment only: INSIGHTS_IMAP_PASSWORD, INSIGHTS_SMTP_PASSWORD."
          + " With --auth oauth2 the access token comes from INSIGHTS_MAIL_TOKEN, --token-command,"
          + " or the client-credentials grant (--oauth-token-url, --oauth-client-id,"
          + " --oauth-scope, secret in INSIGHTS_OAUTH_CLIENT_SECRET). See docs/mail.md."
    },
    footer = ExitCode.HELP_FOOTER)
final class MailCommand implements Callable<Integer> {
  /** Where passwords and tokens are read from (tests give their own). */
  static Function<String, String> environment = System::getenv;

  @Mixin DefinitionOptions definitions;
  @Mixin StoreOptions store;
  @Mixin ServicesOption services;

  @Option(
      names = "--imap",
      paramLabel = "URI",
      description =
          "The mailbox: imap[s]://USER@HOST:PORT[/FOLDER] (folder INBOX when not given). Without"
              + " it only <input>/mail/*.eml are read.")
  String imap;

  @Option(
      names = "--smtp",
      paramLabel = "URI",
      description =
          "Where replies are sent: smtp[s]://USER@HOST:PORT. Without it replies are only written"
              + " to <output>/outbox/.")
  String smtp;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS",
      description = "The address replies come from (default: the IMAP user, when an address).")
  String from;

  @Option(
      names = "--auth",
      paramLabel = "password|oauth2",
      defaultValue = "password",
      description = "How to log in to the servers (default: ${DEFAULT-VALUE}).")
  String auth;

  @Option(
      names = "--token-command",
      paramLabel = "COMMAND",
      description = "With --auth oauth2: a command that prints an access token (run per poll).")
  String tokenCommand;

  @Option(
      names = "--oauth-token-url",
      paramLabel = "URL",
      description = "With --auth oauth2: the token endpoint for the client-credentials grant.")
  URI tokenUrl;

  @Option(
      names = "--oauth-client-id",
      paramLabel = "ID",
      description = "With --oauth-token-url: the app registration's client id.")
  String clientId;

  @Option(
      names = "--oauth-scope",
      paramLabel = "SCOPE",
      description =
          "With --oauth-token-url: the scope, such as https://outlook.office365.com/.default.")
  String scope;

  @Option(
      names = "--once",
      description = "Read what is waiting, answer it and exit (for cron or a systemd timer).")
  boolean once;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description =
          "Without --once: poll this often, such as 30s, 5m, 1h (default: ${DEFAULT-VALUE}).")
  String every;

  @Option(
      names = "--max-attachment-mb",
      paramLabel = "MB",
      defaultValue = "25",
      description = "Attachments larger than this are not read (default: ${DEFAULT-VALUE}).")
  long maxMb;

  @Option(
      names = "--authserv-id",
      paramLabel = "ID",
      description =
          "Trust only the Authentication-Results header your receiving server writes with this"
              + " id (default: the topmost one).")
  String authservId;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "DIR",
      defaultValue = "input",
      description =
          "The input folder; its mail/ subfolder is read for .eml files (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "output",
      description =
          "Where feedback, archive, quarantine and outbox go (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    MailPoller.Servers servers;
    Duration interval;
    try {
      interval = duration(every);
      servers = servers();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return ExitCode.USAGE;
    }
    Schema schema = definitions.loadSchema();
    ServiceRegistry registry = services.load();
    if (registry == null) {
      System.err.println(
          "The mail command needs a service registry (who may send for which service): give"
              + " --services FILE or create "
              + ServiceRegistry.DEFAULT_FILE
              + ". See docs/mail.md.");
      return ExitCode.BROKEN_DEFINITIONS;
    }
    try (CaseStore cases = store.open(schema)) {
      Pipeline pipeline =
          new Pipeline(
              schema, cases, registry, output.resolve("feedback"), output.resolve("quarantine"));
      MailPoller poller =
          MailPoller.over(
              cases,
              pipeline,
              registry,
              servers,
              output,
              maxMb * 1024 * 1024,
              authservId,
              store.lockWait(),
              "insights mail");
      if (once) {
        MailPoller.Cycle c = poller.cycle();
        print(c, out);
        if (c.mailboxUnreachable()) {
          return ExitCode.IO;
        }
        return c.problems() ? ExitCode.DATA_PROBLEMS : ExitCode.OK;
      }
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch stopped = new CountDownLatch(1);
      CountDownLatch finished = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                stop.set(true);
                stopped.countDown();
                try {
                  finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("Polling every " + interval + " (stop with Ctrl-C)");
      try {
        poller.run(
            interval,
            stop::get,
            d -> stopped.await(d.toMillis(), TimeUnit.MILLISECONDS),
            c -> print(c, out));
      } finally {
        finished.countDown();
      }
      return ExitCode.OK;
    }
  }

  private static void print(MailPoller.Cycle c, PrintStream out) {
    for (MailPoller.Line line : c.lines()) {
      out.println(line.text());
    }
    if (c.mailboxUnreachable()) {
      System.err.println("Mailbox not reachable: " + c.unreachableReason());
    }
  }

  MailPoller.Servers servers() {
    MailboxUri imapUri = imap == null ? null : MailboxUri.parse(imap, "imap");
    MailboxUri smtpUri = smtp == null ? null : MailboxUri.parse(smtp, "smtp");
    boolean oauth =
        switch (auth.toLowerCase(Locale.ROOT)) {
          case "password" -> false;
          case "oauth2" -> true;
          default ->
              throw new IllegalArgumentException("--auth is password or oauth2, not " + auth);
        };
    MailCredentials tokens = oauth ? MailCredentials.oauth2(tokenSource()) : null;
    MailCredentials imapCredentials =
        imapUri == null ? null : oauth ? tokens : password("INSIGHTS_IMAP_PASSWORD", imapUri);
    MailCredentials smtpCredentials =
        smtpUri == null ? null : oauth ? tokens : password("INSIGHTS_SMTP_PASSWORD", smtpUri);
    String sender = from;
    if (sender == null && imapUri != null && imapUri.user().contains("@")) {
      sender = imapUri.user();
    }
    if (sender == null) {
      if (smtpUri != null) {
        throw new IllegalArgumentException(
            "Give --from ADDRESS: the address replies come from (the IMAP user is not one).");
      }
      sender = "insights@localhost";
    }
    return new MailPoller.Servers(
        imapUri, imapCredentials, smtpUri, smtpCredentials, sender, input.resolve("mail"));
  }

  private MailCredentials password(String variable, MailboxUri uri) {
    String value = environment.apply(variable);
    if (value == null && !uri.user().isEmpty()) {
      throw new IllegalArgumentException(
          "Set the password for "
              + uri.user()
              + " in the environment variable "
              + variable
              + " (never on the command line), or use --auth oauth2.");
    }
    return MailCredentials.password(value == null ? "" : value);
  }

  private MailCredentials.TokenSource tokenSource() {
    if (tokenUrl != null) {
      String secret = environment.apply("INSIGHTS_OAUTH_CLIENT_SECRET");
      if (clientId == null || secret == null) {
        throw new IllegalArgumentException(
            "--oauth-token-url needs --oauth-client-id and the secret in the environment"
                + " variable INSIGHTS_OAUTH_CLIENT_SECRET.");
      }
      return new ClientCredentialsGrant(tokenUrl, clientId, secret, scope, Clock.systemUTC());
    }
    if (tokenCommand != null) {
      return new TokenCommand(tokenCommand);
    }
    if (environment.apply("INSIGHTS_MAIL_TOKEN") == null) {
      throw new IllegalArgumentException(
          "--auth oauth2 needs an access token: set INSIGHTS_MAIL_TOKEN, or give --token-command"
              + " or --oauth-token-url (see docs/mail.md).");
    }
    return () -> environment.apply("INSIGHTS_MAIL_TOKEN");
  }

  /** 30s, 5m, 1h, or an ISO-8601 duration such as PT5M. */
  static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.matches("\\d+[smh]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        Duration d =
            switch (t.charAt(t.length() - 1)) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              default -> Duration.ofHours(n);
            };
        if (!d.isZero()) {
          return d;
        }
      } else if (t.startsWith("pt")) {
        return Duration.parse(text.strip());
      }
    } catch (RuntimeException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(
        "--every " + text + " is not a duration: give it like 30s, 5m or 1h");
  }
}
