package org.idva.insights.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.idva.insights.schema.Schema;

/**
 * Where the case store lives and how long an ingest waits for another run to finish.
 *
 * @param location a file path for an embedded SQLite store (default {@value #DEFAULT_PATH}), or a
 *     JDBC URL ({@code jdbc:postgresql://host:port/db?user=...}) for a server database
 * @param schema the form definitions: only their fields are stored, and stored values are typed by
 *     them when read back
 * @param lockWait how long an ingest waits while another run holds the store's write lock before it
 *     stops with {@link StoreBusyException}
 */
public record StoreConfig(String location, Schema schema, Duration lockWait) {
  public static final String DEFAULT_PATH = "store/insights.db";
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

  public StoreConfig {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(lockWait, "lockWait");
  }

  /** The store at {@code location} (path or JDBC URL; null or blank for the default path). */
  public static StoreConfig of(String location, Schema schema) {
    String where = location == null || location.isBlank() ? DEFAULT_PATH : location.trim();
    return new StoreConfig(where, schema, DEFAULT_LOCK_WAIT);
  }

  public StoreConfig withLockWait(Duration wait) {
    return new StoreConfig(location, schema, wait);
  }

  /** True when the location is a JDBC URL rather than a SQLite file path. */
  public boolean isJdbcUrl() {
    return location.startsWith("jdbc:");
  }

  /** The SQLite file, for a file store. */
  Path sqliteFile() {
    if (isJdbcUrl()) {
      throw new IllegalStateException("not a file store: " + describe());
    }
    return Path.of(location);
  }

  /** The location for messages: the path, or the URL without user and password. */
  public String describe() {
    if (!isJdbcUrl()) {
      return location;
    }
    int q = location.indexOf('?');
    return q < 0 ? location : location.substring(0, q);
  }
}
