package org.idva.insights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.pipeline.Receipt;
import org.idva.insights.pipeline.ReportWriter;
import org.idva.insights.pipeline.Submission;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
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
      names = "--no-report",
      description = "Check and merge only; do not compute the tables or write the workbooks.")
  boolean noReport;

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
    ServiceRegistry registry = services.load();
    if (!noReport && !Files.isRegularFile(master.template)) {
      System.err.println(master.template + ": no such master template. Give it with --template.");
      return ExitCode.BROKEN_DEFINITIONS;
    }
    List<Path> files = ReturnFiles.find(input);
    boolean errors = false;
    Map<String, ServiceSummary> summaries = new TreeMap<>();
    try (CaseStore cases = store.open(schema)) {
      Pipeline pipeline =
          new Pipeline(
              schema, cases, registry, output.resolve("feedback"), output.resolve("quarantine"));
      try (ProgressBar bar = new ProgressBar(files.size())) {
        for (Path file : files) {
          Receipt receipt = pipeline.submit(Submission.fromFolder(file, Instant.now()));
          errors |= receipt.hasErrors();
          bar.clearLine();
          System.out.println(receipt.summary());
          String service = receipt.service() == null ? "(unknown service)" : receipt.service();
          summaries.computeIfAbsent(service, s -> new ServiceSummary()).add(receipt);
          bar.step(file.getFileName().toString());
        }
      }
      printSummary(files.size(), summaries);
      if (!noReport) {
        new ReportWriter(schema, tables, master.options())
            .write(cases, year, master.day(), output, System.out);
      }
    }
    return errors ? ExitCode.DATA_PROBLEMS : ExitCode.OK;
  }

  private static void printSummary(int files, Map<String, ServiceSummary> services) {
    System.out.printf(
        "%-18s %7s %9s %9s %9s %9s %9s %8s %8s%n",
        "service",
        "returns",
        "accepted",
        "queries",
        "partial",
        "rejected",
        "cases+",
        "replaced",
        "queries");
    for (Map.Entry<String, ServiceSummary> e : services.entrySet()) {
      ServiceSummary s = e.getValue();
      System.out.printf(
          "%-18s %7d %9d %9d %9d %9d %9d %8d %8d%n",
          e.getKey(),
          s.returns,
          s.statuses.getOrDefault(ReturnStatus.ACCEPTED, 0),
          s.statuses.getOrDefault(ReturnStatus.ACCEPTED_WITH_QUERIES, 0),
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
    final Map<ReturnStatus, Integer> statuses = new java.util.EnumMap<>(ReturnStatus.class);
    int casesAdded;
    int casesReplaced;
    long queries;

    void add(Receipt receipt) {
      returns++;
      statuses.merge(receipt.status(), 1, Integer::sum);
      queries += receipt.checked().count(Severity.QUERY);
      casesAdded += receipt.casesAdded();
      casesReplaced += receipt.casesReplaced();
    }
  }
}
