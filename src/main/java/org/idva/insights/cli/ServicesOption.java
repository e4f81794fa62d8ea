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
              + " send its returns (default: services.json in the returns folder, else"
              + " input/services.json, when it exists; without one any service code is"
              + " accepted).")
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

  /**
   * {@link #load()}, but without {@code --services} the registry beside the returns ({@code
   * <folder>/services.json}) comes first, so {@code --input elsewhere} holds that folder's returns
   * to its own registry.
   */
  ServiceRegistry load(java.nio.file.Path returnsFolder) {
    if (services == null && returnsFolder != null) {
      java.nio.file.Path beside =
          returnsFolder.resolve(ServiceRegistry.DEFAULT_FILE.getFileName().toString());
      if (java.nio.file.Files.isRegularFile(beside)) {
        return ServiceRegistry.load(beside);
      }
    }
    return load();
  }
}
