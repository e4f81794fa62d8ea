package org.idva.insights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.mail.MailPoller;
import org.idva.insights.mail.MessageProcessor;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.pipeline.QuarterOrder;
import org.idva.insights.pipeline.Receipt;
import org.idva.insights.pipeline.ReportWriter;
import org.idva.insights.pipeline.Submission;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.WriterLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights run}: the main job. Checks every return in the input folder (writing each
 * service's feedback and setting rejected files aside), merges the usable ones into the case store,
 * then computes every report table from the store and writes the master workbook and one workbook
 * per service.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "The main job: check every return in the input folder and write each service's feedback,"
            + " merge the usable returns into the case store, then write the master workbook"
            + " output/Insights-Idva-<year>.xlsx and output/services/<service>.xlsx. Rejected"
            + " returns are copied (never moved) into <output>/quarantine beside their report.",
    footer = ExitCode.HELP_FOOTER)
final class RunCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;
  @Mixin StoreOptions store;
  @Mixin MasterWorkbookOptions master;
  @Mixin ServicesOption services;
  @Mixin ThreadsOption threads;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "DIR",
      defaultValue = "input",
      description = "The folder of returns (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Where feedback, quarantine and workbooks go (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--year",
      paramLabel = "Y",
      description =
          "Reporting year of the report (2023 = April 2022 to March 2023; default: the latest"
              + " year in the store).")
  Integer year;

  @Option(
      names = "--mail-from",
      paramLabel = "ADDRESS",
      defaultValue = "insights@localhost",
      description =
          "The From of replies to the .eml files in <input>/mail/ (they wait in <output>/outbox/;"
              + " `mail --smtp` sends them from its --from; default: ${DEFAULT-VALUE}).")
  String mailFrom;

  @Option(
      names = "--no-report",
      description = "Check and merge only; do not compute the tables or write the workbooks.")
  boolean noReport;

  @Option(
      names = "--force",
      description =
          "Compute and write the report even when the store and the settings are as when it was"
              + " last written to this output folder (by default it is then left as it is).")
  boolean force;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(input)) {
      System.err.println("No input folder " + input + ": give one with --input DIR.");
      return ExitCode.IO;
    }
    try {
      master.options();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return ExitCode.USAGE;
    }
    Schema schema = definitions.loadSchema();
    ReportDefinitions tables = ReportDefinitions.load(definitions.source(), schema);
    ServiceRegistry registry = services.load(input);
    if (!noReport && !Files.isRegularFile(master.template)) {
      System.err.println(master.template + ": no such master template. Give it with --template.");
      return ExitCode.BROKEN_DEFINITIONS;
    }
    ReportWriter report =
        noReport ? null : new ReportWriter(schema, tables, master.options(), threads.count());
    if (report != null) {
      report.readTemplateAhead(); // on the processor the store's opening leaves idle
    }
    List<Path> files = QuarterOrder.of(ReturnFiles.find(input));
    boolean errors = false;
    boolean internal = false;
    boolean[] outcome = {false, false}; // errors, internal errors
    Map<String, ServiceSummary> summaries = new TreeMap<>();
    try (CaseStore cases = store.open(schema);
        WriterLock writing =
            cases.lockForWriting(store.lockWait(), WriterLock.holder("insights run"))) {
      Pipeline pipeline =
          new Pipeline(
              schema, cases, registry, output.resolve("feedback"), output.resolve("quarantine"));
      boolean mailProblems = droppedMail(cases, pipeline, registry);
      List<Submission> submissions = new ArrayList<>();
      for (Path file : files) {
        submissions.add(Submission.fromFolder(file, Instant.now()));
      }
      try (ProgressBar bar = new ProgressBar(files.size())) {
        pipeline.submitAll(
            submissions,
            threads.count(),
            receipt -> {
              outcome[0] |= receipt.hasErrors();
              outcome[1] |= receipt.internalError();
              bar.clearLine();
              System.out.println(receipt.summary());
              String service = receipt.service() == null ? "(unknown service)" : receipt.service();
              summaries.computeIfAbsent(service, s -> new ServiceSummary()).add(receipt);
              bar.step(receipt.submission().originalName());
            });
      }
      errors = outcome[0] || mailProblems;
      internal = outcome[1];
      printSummary(files.size(), summaries);
      if (report != null) {
        report.write(cases, year, master.day(), output, System.out, force);
      }
    }
    return ExitCode.of(internal, errors);
  }

  /**
   * The messages dropped into {@code <input>/mail/} as .eml files: answered exactly as {@code mail}
   * answers them (replies wait in the outbox). Returns true when one had a data problem.
   */
  private boolean droppedMail(CaseStore cases, Pipeline pipeline, ServiceRegistry registry)
      throws Exception {
    Path dropped = input.resolve("mail");
    if (!Files.isDirectory(dropped)) {
      return false;
    }
    if (registry == null) {
      System.err.println(
          dropped
              + ": messages are read only with a service registry (--services FILE or "
              + ServiceRegistry.DEFAULT_FILE
              + "); left as they are.");
      return false;
    }
    MailPoller.Cycle cycle =
        MailPoller.over(
                cases,
                pipeline,
                registry,
                new MailPoller.Servers(null, null, null, null, mailFrom, dropped),
                output,
                MessageProcessor.DEFAULT_SIZE_LIMIT,
                null,
                store.lockWait(),
                "insights run")
            .cycle();
    cycle.lines().forEach(l -> System.out.println(l.text()));
    return cycle.problems();
  }

  private static void printSummary(int files, Map<String, ServiceSummary> services) {
    System.out.printf(
        "%-18s %7s %9s %9s %9s %9s %9s %9s %9s %9s %8s %8s%n",
        "service",
        "returns",
        "unchanged",
        "failed",
        "accepted",
        "queries",
        "explained",
        "partial",
        "rejected",
        "cases+",
        "replaced",
        "queries");
    for (Map.Entry<String, ServiceSummary> e : services.entrySet()) {
      ServiceSummary s = e.getValue();
      System.out.printf(
          "%-18s %7d %9d %9d %9d %9d %9d %9d %9d %9d %8d %8d%n",
          e.getKey(),
          s.returns,
          s.unchanged,
          s.failed,
          s.statuses.getOrDefault(ReturnStatus.ACCEPTED, 0),
          s.statuses.getOrDefault(ReturnStatus.ACCEPTED_WITH_QUERIES, 0),
          s.statuses.getOrDefault(ReturnStatus.EXPLAINED, 0),
          s.statuses.getOrDefault(ReturnStatus.PARTIALLY_ACCEPTED, 0),
          s.statuses.getOrDefault(ReturnStatus.REJECTED, 0),
          s.casesAdded,
          s.casesReplaced,
          s.queries);
    }
    System.out.printf("%d return(s) checked and merged%n", files);
  }

  /** Per-service counts for the run's summary. */
  private static final class ServiceSummary {
    int returns;
    int unchanged;
    int failed;
    final Map<ReturnStatus, Integer> statuses = new java.util.EnumMap<>(ReturnStatus.class);
    int casesAdded;
    int casesReplaced;
    long queries;

    void add(Receipt receipt) {
      returns++;
      if (receipt.merge() == Receipt.Merge.UNCHANGED) {
        unchanged++;
        return;
      }
      if (receipt.internalError()) {
        failed++;
        return;
      }
      statuses.merge(receipt.status(), 1, Integer::sum);
      queries += receipt.checked().count(Severity.QUERY);
      casesAdded += receipt.casesAdded();
      casesReplaced += receipt.casesReplaced();
    }
  }
}
