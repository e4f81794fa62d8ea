package org.idva.insights.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.idva.insights.render.AtomicFile;
import org.idva.insights.render.DataDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code insights dictionary}: writes the data dictionary from the form schemas. */
@Command(
    name = "dictionary",
    mixinStandardHelpOptions = true,
    description =
        "Write the data dictionary (every form, field, header, type, code list and rule).",
    footer = ExitCode.HELP_FOOTER)
final class DictionaryCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      defaultValue = "docs/data-dictionary.md",
      description = "Where to write it (default: ${DEFAULT-VALUE}; - for standard output).")
  Path out;

  @Override
  public Integer call() throws Exception {
    String text = new DataDictionary(definitions.loadSchema()).render();
    if (out.toString().equals("-")) {
      System.out.print(text);
    } else {
      AtomicFile.write(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
      System.out.printf("Wrote %s (%d lines)%n", out, text.lines().count());
    }
    return Files.exists(out) || out.toString().equals("-") ? ExitCode.OK : ExitCode.IO;
  }
}
