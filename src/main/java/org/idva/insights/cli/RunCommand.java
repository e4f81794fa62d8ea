package org.idva.insights.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.model.TableResult;
import org.idva.insights.render.MasterWorkbookWriter;
import org.idva.insights.render.ReportEdition;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.report.ReportEngine;
import org.idva.insights.schema.Schema;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.IngestResult;
import org.idva.insights.store.StoreBusyException;
import org.idva.insights.store.StoreException;
import org.idva.insights.validate.KnownCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin DefinitionOptions definitions;
  @Mixin StoreOptions store;
  @Mixin MasterWorkbookOptions master;

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
    if (!noReport && !Files.isRegularFile(master.template)) {
      System.err.println(master.template + ": no such master template. Give it with --template.");
      return ExitCode.BROKEN_DEFINITIONS;
    }
    List<Path> files = ReturnFiles.find(input);
    boolean errors = false;
    Map<String, ServiceSummary> services = new TreeMap<>();
    try (CaseStore cases = store.open(schema)) {
      KnownCases known = cases::hasIntake;
      ReturnsCheck check = new ReturnsCheck(schema, known);
      try (ProgressBar bar = new ProgressBar(files.size())) {
        for (Path file : files) {
          ReturnsCheck.Checked checked = check.check(file);
          IngestResult ingested = ingest(cases, checked);
          ReturnsCheck.Outcome outcome =
              check.finish(
                  checked,
                  ingested == null ? List.of() : ingested.findings(),
                  output.resolve("feedback"),
                  output.resolve("quarantine"));
          errors |= outcome.hasErrors();
          bar.clearLine();
          System.out.println(outcome.summary());
          String service =
              outcome.checked().info().service() == null
                  ? "(unknown service)"
                  : outcome.checked().info().service();
          services.computeIfAbsent(service, s -> new ServiceSummary()).add(outcome, ingested);
          bar.step(file.getFileName().toString());
        }
      }
      printSummary(files.size(), services);
      if (!noReport) {
        writeReport(schema, tables, cases);
      }
    }
    return errors ? ExitCode.DATA_PROBLEMS : ExitCode.OK;
  }

  /**
   * Merges a checked return into the store. A return whose service could not be read is not
   * recorded (it is rejected and quarantined with its report). A store failure on one return is
   * logged and the run goes on with the next; a busy store stops the run.
   */
  private static IngestResult ingest(CaseStore cases, ReturnsCheck.Checked checked) {
    if (checked.result().info().service() == null) {
      return null;
    }
    try {
      return cases.ingest(checked.result());
    } catch (StoreBusyException e) {
      throw e;
    } catch (StoreException e) {
      LOG.error(
          "{}: not merged into the case store ({})", checked.file().getFileName(), e.getMessage());
      System.err.println(
          checked.file().getFileName()
              + ": not merged into the case store: "
              + e.getMessage()
              + ". The store is unchanged for this return; the run goes on.");
      return null;
    }
  }

  private void writeReport(Schema schema, ReportDefinitions tables, CaseStore cases)
      throws IOException {
    ReportEngine engine = new ReportEngine(schema, tables);
    CaseData all = cases.caseData();
    ReportEngine.Tabulation everyone = engine.load(all);
    int y = year != null ? year : everyone.latestYear();
    if (y == 0) {
      System.out.println("No dated cases in the store yet: no report written.");
      return;
    }
    List<String> ids = tables.tables().stream().map(t -> t.id()).toList();
    List<TableResult> allTables = everyone.tables(y, ids);
    ReportEdition edition = ReportEdition.of(y, master.day());
    MasterWorkbookWriter writer = new MasterWorkbookWriter(master.options());
    Path master = writer.writeMaster(allTables, edition, output);
    System.out.printf("Report %s: %d tables -> %s%n", edition.period(), allTables.size(), master);
    for (String service : new java.util.TreeSet<>(cases.services())) {
      List<TableResult> mine = engine.load(all.forService(service)).tables(y, ids);
      Path file = writer.writeService(service, mine, allTables, edition, output);
      System.out.printf("  %s -> %s%n", service, file);
    }
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
    final List<String> notes = new ArrayList<>();

    void add(ReturnsCheck.Outcome outcome, IngestResult ingested) {
      returns++;
      statuses.merge(outcome.checked().status(), 1, Integer::sum);
      queries += outcome.checked().count(Severity.QUERY);
      if (ingested == null) {
        return;
      }
      casesAdded += ingested.casesAdded();
      casesReplaced += ingested.casesReplaced();
      if (ingested.outcome() == IngestResult.Outcome.DUPLICATE) {
        notes.add(outcome.file().getFileName() + " already merged");
      }
    }
  }
}
