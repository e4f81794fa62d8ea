package org.idva.insights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.pipeline.Receipt;
import org.idva.insights.pipeline.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code insights validate <file|folder>}: checks returns and writes each service's feedback. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check return workbooks against the form schemas and write each service's"
            + " feedback. Prints one line per file; for each file writes"
            + " <out>/<service>/<return>-checked.xlsx (a copy of the return with every finding"
            + " marked) and a message (text and HTML). Exit code 1 when any return has an error."
            + " The case store is not consulted: an exit or review whose intake came in an"
            + " earlier quarter's return is queried as NO_INTAKE here; `insights run` checks"
            + " against the store.",
    footer = ExitCode.HELP_FOOTER)
final class ValidateCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;
  @Mixin ServicesOption services;

  @Parameters(paramLabel = "FILE|FOLDER", description = "A return file, or a folder of them.")
  Path target;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "output/feedback",
      description = "Where to write the feedback (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(target)) {
      System.err.println("No such file or folder: " + target);
      return ExitCode.IO;
    }
    Pipeline pipeline = new Pipeline(definitions.loadSchema(), null, services.load(), out, null);
    List<Path> files = ReturnFiles.find(target);
    if (files.isEmpty()) {
      System.out.println("No return files found in " + target);
    }
    boolean errors = false;
    for (Path file : files) {
      Receipt receipt = pipeline.submit(Submission.fromFolder(file, Instant.now()));
      System.out.println(receipt.summary());
      errors |= receipt.hasErrors();
    }
    return errors ? ExitCode.DATA_PROBLEMS : ExitCode.OK;
  }
}
