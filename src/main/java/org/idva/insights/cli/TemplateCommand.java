package org.idva.insights.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.idva.insights.render.ReturnTemplateWriter;
import org.idva.insights.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code insights template}: writes the blank return workbook services fill in. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description =
        "Write the blank return workbook: an About sheet, one sheet per form and repeating"
            + " group, drop-downs, input messages and validation taken from the form schemas.",
    footer = ExitCode.HELP_FOOTER)
final class TemplateCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      defaultValue = "workbook-templates/idva-return.xlsx",
      description = "Where to write the workbook (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Schema schema = definitions.loadSchema();
    new ReturnTemplateWriter(schema).write(out);
    System.out.printf(
        "Wrote %s (template version %s, %d sheets)%n",
        out, schema.templateVersion(), schema.sheets().size() + 2);
    return ExitCode.OK;
  }
}
