package org.idva.insights.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.idva.insights.model.TableResult;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.report.ReportEngine;
import org.idva.insights.report.SyntheticCases;
import org.idva.insights.report.TableJson;
import org.idva.insights.report.TableText;
import org.idva.insights.schema.DefinitionException;
import org.idva.insights.schema.Schema;
import org.idva.insights.store.CaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights tables}: prints computed report tables from the case store ({@code --store}), or
 * from generated data with {@code --synthetic}. Tests hand in their own case data through {@link
 * #TablesCommand(CaseDataSource)}.
 */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description =
        "Print computed report tables (all, or those named) for a reporting year and the two"
            + " years before it, from the case store, as text or as JSON in the seed tables"
            + " file's shape.",
    footer = ExitCode.HELP_FOOTER)
public final class TablesCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;
  @Mixin StoreOptions store;

  @Option(
      names = "--year",
      paramLabel = "Y",
      description =
          "Reporting year (2023 = April 2022 to March 2023; default: the latest in the data).")
  Integer year;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--table",
      paramLabel = "ID",
      arity = "1..*",
      description = "Only these tables (ids as in the seed report).")
  List<String> tableIds = new ArrayList<>();

  @Option(
      names = "--synthetic",
      paramLabel = "SCALE",
      description =
          "Tabulate generated synthetic data of this scale (1 = one seed-sized year) instead of the"
              + " case store.")
  Double synthetic;

  /** Case data handed in (tests), or null to read the case store. */
  private final CaseDataSource source;

  public TablesCommand() {
    this(null);
  }

  public TablesCommand(CaseDataSource source) {
    this.source = source;
  }

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      System.err.println("--format must be text or json, not \"" + format + "\"");
      return ExitCode.USAGE;
    }
    Schema schema;
    ReportDefinitions defs;
    try {
      schema = definitions.loadSchema();
      defs = ReportDefinitions.load(definitions.source(), schema);
    } catch (DefinitionException e) {
      System.err.println(e.getMessage());
      return ExitCode.BROKEN_DEFINITIONS;
    }
    for (String id : tableIds) {
      if (defs.table(id).isEmpty()) {
        System.err.println("no table \"" + id + "\"; see docs/schema-format.md for the ids");
        return ExitCode.USAGE;
      }
    }
    ReportEngine engine = new ReportEngine(schema, defs);
    ReportEngine.Tabulation tab;
    try {
      if (synthetic != null) {
        tab = engine.load(new SyntheticCases(schema, 1, synthetic, year == null ? 2023 : year, 4));
      } else if (source != null) {
        tab = engine.load(source.open());
      } else {
        if (store.isMissingFile(schema)) {
          System.err.println(
              "No case store at "
                  + store.store
                  + ": run `insights run` first, or give --store PATH|JDBC-URL.");
          return ExitCode.IO;
        }
        try (CaseStore cases = store.open(schema)) {
          tab = engine.load(cases.caseData());
        }
      }
    } catch (Exception e) {
      System.err.println("cannot read the case data: " + e.getMessage());
      return ExitCode.IO;
    }
    int y = year != null ? year : tab.latestYear();
    if (y == 0) {
      System.err.println("the case data has no dated rows, so there is no reporting year");
      return ExitCode.DATA_PROBLEMS;
    }
    List<TableResult> tables;
    try {
      tables = tab.tables(y, tableIds);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return ExitCode.BROKEN_DEFINITIONS;
    }
    System.out.print(format.equals("json") ? TableJson.write(tables, y) : TableText.write(tables));
    return ExitCode.OK;
  }
}
