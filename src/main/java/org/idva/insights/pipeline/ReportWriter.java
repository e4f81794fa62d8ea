package org.idva.insights.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.TableResult;
import org.idva.insights.render.MasterOptions;
import org.idva.insights.render.MasterWorkbookWriter;
import org.idva.insights.render.QueryCounts;
import org.idva.insights.render.ReportEdition;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.report.ReportEngine;
import org.idva.insights.schema.Schema;
import org.idva.insights.store.CaseStore;

/**
 * Computes every report table from the case store and writes the master workbook and one workbook
 * per service: the last step of {@code run}, and what the web page's "rebuild the report" does.
 */
public final class ReportWriter {
  private final Schema schema;
  private final ReportDefinitions tables;
  private final MasterOptions options;
  private final int threads;

  /** The template being read ahead for the next report ({@link #readTemplateAhead}), or null. */
  private java.util.concurrent.CompletableFuture<MasterWorkbookWriter> ahead;

  /** A writer of the report that writes as many workbooks at once as there are processors. */
  public ReportWriter(Schema schema, ReportDefinitions tables, MasterOptions options) {
    this(schema, tables, options, Runtime.getRuntime().availableProcessors());
  }

  /**
   * A writer of the report that writes up to {@code threads} workbooks (the master, the services')
   * at once; every file is the same, byte for byte, for any number.
   */
  public ReportWriter(Schema schema, ReportDefinitions tables, MasterOptions options, int threads) {
    this.schema = schema;
    this.tables = tables;
    this.options = options;
    this.threads = Math.max(1, threads);
  }

  /** The files one report wrote: the master workbook and each service's. */
  public record Written(int year, Path master, List<Path> services) {}

  /**
   * Writes the report for {@code year} (null: the latest year in the store) into {@code output},
   * telling {@code console} what it wrote. Empty when the store has no dated case yet.
   */
  public java.util.Optional<Written> write(
      CaseStore store, Integer year, LocalDate day, Path output, PrintStream console)
      throws IOException {
    return write(store, year, day, output, console, true);
  }

  /**
   * As {@link #write(CaseStore, Integer, LocalDate, Path, PrintStream)}, but when {@code force} is
   * false and the output folder already holds the report of exactly this store and these settings
   * ({@link ReportStamp}), nothing is computed or written again. Empty then too.
   */
  public java.util.Optional<Written> write(
      CaseStore store, Integer year, LocalDate day, Path output, PrintStream console, boolean force)
      throws IOException {
    String stamp = ReportStamp.of(store, year, day, options);
    if (!force && ReportStamp.current(output, stamp)) {
      console.println(
          "Report unchanged: the store and the settings are as when it was last written"
              + " (--force writes it again).");
      return java.util.Optional.empty();
    }
    java.util.Optional<Written> written = compute(store, year, day, output, console);
    if (written.isPresent()) {
      List<Path> files = new ArrayList<>(written.get().services());
      files.add(0, written.get().master());
      ReportStamp.write(output, stamp, files);
    }
    return written;
  }

  private static MasterWorkbookWriter writer(
      java.util.concurrent.CompletableFuture<MasterWorkbookWriter> template) throws IOException {
    try {
      return template.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Starts reading the master template (and readying the workbook library) on another thread now,
   * for the next report this writer writes: {@code run} does it while it opens the store, when a
   * processor is otherwise idle. A template that cannot be read is reported when the report is
   * written, as without this.
   */
  public ReportWriter readTemplateAhead() {
    ahead = readTemplate();
    return this;
  }

  private java.util.concurrent.CompletableFuture<MasterWorkbookWriter> readTemplate() {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return new MasterWorkbookWriter(options);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private java.util.Optional<Written> compute(
      CaseStore store, Integer year, LocalDate day, Path output, PrintStream console)
      throws IOException {
    // the template is read (and the workbook library readied) while the store is read, if it was
    // not read ahead; read ahead, it is used once
    java.util.concurrent.CompletableFuture<MasterWorkbookWriter> template =
        ahead != null ? ahead : readTemplate();
    ahead = null;
    ReportEngine engine = new ReportEngine(schema, tables);
    CaseData all = store.caseData();
    ReportEngine.Tabulation everyone = engine.load(all);
    int y = year != null ? year : everyone.latestYear();
    if (y == 0) {
      console.println("No dated cases in the store yet: no report written.");
      return java.util.Optional.empty();
    }
    List<String> ids = tables.tables().stream().map(t -> t.id()).toList();
    List<TableResult> allTables = everyone.tables(y, ids);
    ReportEngine.Tabulation byService = everyone.forSlicing();
    everyone = null; // its links and bases, cached for all services' tables, can go
    ReportEdition edition = ReportEdition.of(y, day);
    MasterWorkbookWriter writer = writer(template);
    QueryCounts queries = QueryCounts.of(store.queries().countsByService());
    List<String> names = List.copyOf(new TreeSet<>(store.services()));
    // the master, then each service's workbook (its tables computed where it is written, so only
    // the workbooks being written are held at once)
    List<Callable<Path>> jobs = new ArrayList<>();
    jobs.add(() -> writer.writeMaster(allTables, edition, output, queries));
    for (String service : names) {
      jobs.add(
          () ->
              writer.writeService(
                  service,
                  byService.forService(service).tables(y, ids),
                  allTables,
                  edition,
                  output,
                  queries));
    }
    List<Path> files = new ArrayList<>();
    InOrder.run(
        jobs,
        threads,
        file -> {
          if (files.isEmpty()) {
            console.printf(
                "Report %s: %d tables -> %s%n", edition.period(), allTables.size(), file);
          } else {
            console.printf("  %s -> %s%n", names.get(files.size() - 1), file);
          }
          files.add(file);
        });
    Path master = files.get(0);
    List<Path> services = List.copyOf(files.subList(1, files.size()));
    return java.util.Optional.of(new Written(y, master, services));
  }
}
