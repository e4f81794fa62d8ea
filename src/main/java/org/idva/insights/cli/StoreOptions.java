package org.idva.insights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.idva.insights.schema.Schema;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by every command that reads or writes the case store. */
final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "PATH|JDBC-URL",
      defaultValue = StoreConfig.DEFAULT_PATH,
      description =
          "The case store: a SQLite file (default: ${DEFAULT-VALUE}, created when missing) or a"
              + " PostgreSQL URL such as jdbc:postgresql://host:5432/insights?user=insights.")
  String store;

  @Option(
      names = "--lock-wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How long to wait while another run, mail poll or upload writes to the same store"
              + " (default: ${DEFAULT-VALUE} s); then stop with exit code 4 naming it.")
  long lockWaitSeconds;

  StoreConfig config(Schema schema) {
    return StoreConfig.of(store, schema).withLockWait(lockWait());
  }

  /** How long a writer waits for the store's writer lock. */
  Duration lockWait() {
    return Duration.ofSeconds(Math.max(0, lockWaitSeconds));
  }

  /** True when the store is a SQLite file that does not exist yet. */
  boolean isMissingFile(Schema schema) {
    StoreConfig config = config(schema);
    return !config.isJdbcUrl() && !Files.exists(Path.of(config.location()));
  }

  /**
   * True, after telling the user on standard error, when the store is a SQLite file that does not
   * exist yet (a command that reads the store has nothing to read).
   */
  boolean reportMissing(Schema schema) {
    if (!isMissingFile(schema)) {
      return false;
    }
    System.err.printf(
        "No case store at %s: run `insights run` first, or give --store.%n",
        config(schema).describe());
    return true;
  }

  CaseStore open(Schema schema) {
    return CaseStore.open(config(schema));
  }
}
