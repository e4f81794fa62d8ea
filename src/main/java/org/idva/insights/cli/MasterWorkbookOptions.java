package org.idva.insights.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.idva.insights.render.MasterOptions;
import picocli.CommandLine.Option;

/** The master workbook's options, shared by {@code run} and {@code report}. */
final class MasterWorkbookOptions {
  @Option(
      names = {"-t", "--template"},
      paramLabel = "FILE",
      defaultValue = "workbook-templates/insights-master.xlsx",
      description =
          "Master template; the narrative .ftl files are read beside it (default: ${DEFAULT-VALUE}).")
  Path template;

  @Option(
      names = "--generated-on",
      paramLabel = "DATE",
      description = "Date printed as 'generated on' (default: today).")
  LocalDate generatedOn;

  @Option(
      names = "--yoy-points",
      defaultValue = "5",
      description =
          "Mark a reporting-year %% that moved at least this many points (default: ${DEFAULT-VALUE}).")
  int yoyPoints;

  @Option(
      names = "--small-base",
      defaultValue = "10",
      description = "Flag figures whose base n is below this (default: ${DEFAULT-VALUE}).")
  int smallBase;

  @Option(
      names = "--suppress-up-to",
      defaultValue = "4",
      description = "In a service's figures, show counts 1..this as c (default: ${DEFAULT-VALUE}).")
  int suppressUpTo;

  /** The renderer's options; an out-of-range value is an {@link IllegalArgumentException}. */
  MasterOptions options() {
    return new MasterOptions(template, yoyPoints, smallBase, suppressUpTo);
  }

  LocalDate day() {
    return generatedOn != null ? generatedOn : LocalDate.now();
  }
}
