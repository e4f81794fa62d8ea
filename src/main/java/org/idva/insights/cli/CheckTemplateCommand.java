package org.idva.insights.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.idva.insights.model.Finding;
import org.idva.insights.render.MasterOptions;
import org.idva.insights.render.MasterTemplate;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.report.TableDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code insights check-template}: lints the master workbook template. */
@Command(
    name = "check-template",
    mixinStandardHelpOptions = true,
    description =
        "Check the master template: every report table placed exactly once, every marker"
            + " known, every chart beside its table, every narrative template present, every"
            + " house style present.",
    footer = ExitCode.HELP_FOOTER)
final class CheckTemplateCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;

  @Option(
      names = {"-t", "--template"},
      paramLabel = "FILE",
      defaultValue = "workbook-templates/insights-master.xlsx",
      description = "The master template (default: ${DEFAULT-VALUE}).")
  Path template;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(template)) {
      System.err.println(template + ": no such template file. Give the path with --template.");
      return ExitCode.IO;
    }
    List<String> ids =
        ReportDefinitions.load(definitions.source(), definitions.loadSchema()).tables().stream()
            .map(TableDefinition::id)
            .toList();
    try {
      List<Finding> problems = MasterTemplate.load(template).check(ids, narratives(template));
      for (Finding f : problems) {
        System.err.printf(
            "%s: %s: found %s; expected %s. Fix: %s%n",
            f.location().describe(), f.code(), f.found(), f.expected(), f.fix());
      }
      if (!problems.isEmpty()) {
        System.err.printf("%s: %d problem(s)%n", template, problems.size());
        return ExitCode.BROKEN_DEFINITIONS;
      }
      System.out.printf("%s: %d tables placed, template OK%n", template, ids.size());
      return ExitCode.OK;
    } catch (IOException | RuntimeException e) {
      System.err.println(template + ": cannot be read as a workbook: " + e.getMessage());
      return ExitCode.BROKEN_DEFINITIONS;
    }
  }

  /** The narrative pages with a template beside the workbook ({@code at-a-glance.ftl}...). */
  static Set<String> narratives(Path template) throws IOException {
    Path folder = new MasterOptions(template, 5, 10, 4).templateFolder();
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".ftl"))
          .forEach(n -> names.add(n.substring(0, n.length() - 4)));
    }
    return names;
  }
}
