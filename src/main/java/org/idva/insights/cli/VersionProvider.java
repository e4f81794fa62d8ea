package org.idva.insights.cli;

import org.idva.insights.schema.SchemaLoader;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool version and the return template version it expects. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = InsightsCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "Idva Insights " + (version == null ? "(development build)" : version),
      "Return template version " + SchemaLoader.loadDefault().templateVersion(),
      "Java "
          + Runtime.version()
          + ", heap up to "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024)
          + " MB"
    };
  }
}
