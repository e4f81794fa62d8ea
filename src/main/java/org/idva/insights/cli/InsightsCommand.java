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
      TablesCommand.class,
      ReportCommand.class,
      CaseCommand.class,
      QueriesCommand.class,
      SampleCommand.class,
      TemplateCommand.class,
      DictionaryCommand.class,
      CheckTemplateCommand.class,
      BenchCommand.class,
      BenchIngestCommand.class,
      BenchTablesCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    footer = ExitCode.HELP_FOOTER)
public final class InsightsCommand {}
