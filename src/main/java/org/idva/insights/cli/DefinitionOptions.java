package org.idva.insights.cli;

import java.nio.file.Path;
import org.idva.insights.schema.DefinitionSource;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import picocli.CommandLine.Option;

/** The {@code --definitions} option shared by every command that reads the form schemas. */
final class DefinitionOptions {
  @Option(
      names = "--definitions",
      paramLabel = "DIR",
      description =
          "Read form and table definitions from DIR (laid out like src/main/resources) instead of"
              + " the built-in ones.")
  Path definitions;

  DefinitionSource source() {
    return definitions == null
        ? DefinitionSource.classpath()
        : DefinitionSource.directory(definitions);
  }

  Schema loadSchema() {
    return new SchemaLoader(source()).load();
  }
}
