package org.idva.insights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.idva.insights.pipeline.ReportWriter;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.web.Passwords;
import org.idva.insights.web.Portal;
import org.idva.insights.web.WebConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights serve}: the returns web page. Service leads sign in, upload returns (checked and
 * merged exactly as {@code run} does), see their status and explain queries; the analyst sees every
 * service. Runs until stopped (Ctrl+C).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the returns web page: service leads upload returns and explain queries, the analyst"
            + " sees every service. Accounts come from 'insights users'. See docs/portal.md.",
    footer = ExitCode.HELP_FOOTER)
final class ServeCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;
  @Mixin StoreOptions store;
  @Mixin MasterWorkbookOptions master;
  @Mixin ServicesOption services;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; put a TLS reverse"
              + " proxy in front, see docs/portal.md).")
  String bind;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "output",
      description =
          "Where feedback, quarantine, uploads and workbooks go (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--return-template",
      paramLabel = "FILE",
      defaultValue = "workbook-templates/idva-return.xlsx",
      description = "The blank return template services download (default: ${DEFAULT-VALUE}).")
  Path returnTemplate;

  @Option(
      names = "--due-days",
      paramLabel = "DAYS",
      defaultValue = "30",
      description =
          "A quarter's return is overdue this many days after the quarter ends (default:"
              + " ${DEFAULT-VALUE}).")
  int dueDays;

  @Option(
      names = "--idle-minutes",
      paramLabel = "MIN",
      defaultValue = "30",
      description = "A session ends after this many minutes unused (default: ${DEFAULT-VALUE}).")
  int idleMinutes;

  @Option(
      names = "--behind-proxy",
      description =
          "Trust the reverse proxy's X-Forwarded-For and X-Forwarded-Proto headers (client address"
              + " in the audit log, Secure cookies behind HTTPS).")
  boolean behindProxy;

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE",
      description =
          "Serve HTTPS directly with this PKCS#12 keystore; its password is read from the"
              + " environment variable INSIGHTS_TLS_PASSWORD.")
  Path tlsKeystore;

  @Override
  public Integer call() throws Exception {
    if (dueDays < 0 || idleMinutes < 1 || port < 0 || port > 65535) {
      System.err.println("--due-days, --idle-minutes and --port must be sensible numbers.");
      return ExitCode.USAGE;
    }
    Schema schema = definitions.loadSchema();
    ServiceRegistry registry = services.load();
    if (registry == null) {
      System.err.println(
          "serve needs a service registry: give one with --services FILE (see input/services.json).");
      return ExitCode.USAGE;
    }
    String tlsPassword = null;
    if (tlsKeystore != null) {
      tlsPassword = System.getenv("INSIGHTS_TLS_PASSWORD");
      if (!Files.isRegularFile(tlsKeystore) || tlsPassword == null) {
        System.err.println(
            "--tls-keystore needs a readable PKCS#12 file and its password in"
                + " INSIGHTS_TLS_PASSWORD.");
        return ExitCode.USAGE;
      }
    }
    ReportWriter reports = null;
    if (Files.isRegularFile(master.template)) {
      reports =
          new ReportWriter(
              schema, ReportDefinitions.load(definitions.source(), schema), master.options());
    }
    WebConfig config =
        new WebConfig(
            bind,
            port,
            store.config(schema),
            schema,
            registry,
            output,
            reports,
            returnTemplate,
            dueDays,
            Passwords.DEFAULT_ITERATIONS,
            Duration.ofMinutes(idleMinutes),
            behindProxy,
            tlsKeystore,
            tlsPassword);
    CountDownLatch stopped = new CountDownLatch(1);
    try (Portal portal = Portal.start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      System.out.printf(
          "Serving the returns web page on %s://%s:%d/ (Ctrl+C to stop)%n",
          config.tls() ? "https" : "http", bind, portal.port());
      stopped.await();
    }
    return ExitCode.OK;
  }
}
