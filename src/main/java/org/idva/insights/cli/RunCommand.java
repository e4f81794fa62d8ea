package org.idva.insights.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights run}: the main job. Loads and cross-checks every definition (forms, code lists,
 * report tables), then takes the returns in the input folder through the pipeline.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "The main job: check the definitions, then check the returns in the input folder"
            + " (later: merge them into the case store and write the report).",
    footer = ExitCode.HELP_FOOTER)
final class RunCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "DIR",
      defaultValue = "input",
      description = "Folder of service returns (default: ${DEFAULT-VALUE}).")
  Path input;

  @Override
  public Integer call() throws IOException {
    Schema schema = definitions.loadSchema();
    ReportDefinitions tables = ReportDefinitions.load(definitions.source(), schema);
    System.out.printf(
        "Definitions OK: %d forms, %d sheets, %d code lists, %d report tables (template %s)%n",
        schema.forms().size(),
        schema.sheets().size(),
        schema.codeLists().size(),
        tables.tables().size(),
        schema.templateVersion());
    List<Path> returns = returns(input);
    System.out.printf("%d return workbook(s) in %s%n", returns.size(), input);
    return ExitCode.OK;
  }

  static List<Path> returns(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new java.io.UncheckedIOException(
          new IOException("input folder " + folder + " does not exist"));
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (name.endsWith(".xlsx") || name.endsWith(".xls")) && !name.startsWith("~$");
              })
          .sorted()
          .toList();
    }
  }
}
