package org.idva.insights.cli;

import java.nio.file.Path;
import org.idva.insights.schema.ServiceRegistry;
import picocli.CommandLine.Option;

/** The {@code --services} option: the registry of services allowed to send returns. */
final class ServicesOption {
  @Option(
      names = "--services",
      paramLabel = "FILE",
      description =
          "The service registry: each service's code, name and the e-mail addresses allowed to"
              + " send its returns (default: input/services.json when it exists; without one any"
              + " service code is accepted).")
  Path services;

  /**
   * The registry, or null when none was given and the default file does not exist. A broken file is
   * a {@link org.idva.insights.schema.DefinitionException} (exit code 3).
   */
  ServiceRegistry load() {
    if (services != null) {
      return ServiceRegistry.load(services);
    }
    return ServiceRegistry.loadIfPresent(ServiceRegistry.DEFAULT_FILE).orElse(null);
  }
}
