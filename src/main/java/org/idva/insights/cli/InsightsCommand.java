package org.idva.insights.cli;

import picocli.CommandLine.Command;

/** The {@code insights} command: one subcommand per job. */
@Command(
    name = "insights",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Idva Insights: checks the quarterly case returns of Idva services, merges them and"
            + " produces the annual outcomes report.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      BenchCommand.class,
      TemplateCommand.class,
      DictionaryCommand.class,
      CaseCommand.class,
      BenchIngestCommand.class,
      TablesCommand.class,
      BenchTablesCommand.class,
      CheckTemplateCommand.class,
      ReportCommand.class,
      SampleCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    footer = ExitCode.HELP_FOOTER)
public final class InsightsCommand {}
