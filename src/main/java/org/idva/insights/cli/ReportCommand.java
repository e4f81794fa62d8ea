package org.idva.insights.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.idva.insights.render.MasterOptions;
import org.idva.insights.render.MasterWorkbookWriter;
import org.idva.insights.render.ReportTables;
import org.idva.insights.render.TablesJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code insights report}: renders the master workbook from tables already computed. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Render the master workbook output/Insights-Idva-<year>.xlsx from a tables JSON"
            + " file in the seed's shape (insights-idva-2022-23.tables.json), and per-service"
            + " workbooks output/services/<service>.xlsx from each --service file.",
    footer = ExitCode.HELP_FOOTER)
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--from-json",
      required = true,
      paramLabel = "FILE",
      description = "All services' tables, in the seed tables file's shape.")
  Path fromJson;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--service",
      paramLabel = "NAME=FILE",
      description = "A service's own tables (same shape); writes services/<NAME>.xlsx. Repeatable.")
  Map<String, Path> services = new LinkedHashMap<>();

  @Mixin MasterWorkbookOptions master;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(master.template)) {
      System.err.println(master.template + ": no such template. Give it with --template.");
      return ExitCode.IO;
    }
    LocalDate day = master.day();
    MasterOptions options;
    try {
      options = master.options();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return ExitCode.USAGE;
    }
    try {
      ReportTables all = TablesJson.read(fromJson, day);
      MasterWorkbookWriter writer = new MasterWorkbookWriter(options);
      Path master = writer.writeMaster(all.tables(), all.edition(), out);
      System.out.printf("Wrote %s (%d tables)%n", master, all.tables().size());
      for (Map.Entry<String, Path> s : services.entrySet()) {
        ReportTables mine = TablesJson.read(s.getValue(), day);
        Path file =
            writer.writeService(s.getKey(), mine.tables(), all.tables(), all.edition(), out);
        System.out.printf("Wrote %s%n", file);
      }
      return ExitCode.OK;
    } catch (IOException e) {
      System.err.println("Cannot read or write: " + e.getMessage());
      return ExitCode.IO;
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      return ExitCode.BROKEN_DEFINITIONS;
    }
  }
}
