package org.idva.insights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.idva.insights.validate.KnownCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights run}: the whole job over the input folder. So far: check every return, write each
 * service's feedback to {@code <output>/feedback}, and copy rejected returns into {@code
 * <output>/quarantine} beside their report. Rejected files are copied, not moved: {@code input/} is
 * committed sample data and the service's file is never lost. (The store and report stages follow.)
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Check every return in the input folder and write each service's feedback.",
      "Rejected returns are copied into <output>/quarantine beside their report (copied, never",
      "moved: the input folder is committed sample data). Exit code 1 when any return has an",
      "error."
    },
    footer = ExitCode.HELP_FOOTER)
final class RunCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      defaultValue = "input",
      description = "The folder of returns (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Where feedback and quarantine go (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(input)) {
      System.err.println("No input folder: " + input);
      return ExitCode.IO;
    }
    ReturnsCheck check = new ReturnsCheck(definitions.loadSchema(), KnownCases.NONE);
    List<ReturnsCheck.Outcome> outcomes =
        check.checkAll(input, output.resolve("feedback"), output.resolve("quarantine"));
    boolean errors = false;
    int rejected = 0;
    for (ReturnsCheck.Outcome o : outcomes) {
      System.out.println(o.summary());
      errors |= o.hasErrors();
      if (o.quarantined() != null) {
        rejected++;
      }
    }
    System.out.printf(
        "%d returns checked, %d rejected (copied to %s)%n",
        outcomes.size(), rejected, output.resolve("quarantine"));
    return errors ? ExitCode.DATA_PROBLEMS : ExitCode.OK;
  }
}
