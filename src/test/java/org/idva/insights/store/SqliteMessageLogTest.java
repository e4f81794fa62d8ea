package org.idva.insights.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The message log contract on SQLite. */
class SqliteMessageLogTest extends MessageLogContract {
  @TempDir Path dir;
  private int n;

  @Override
  String emptyStore() {
    return dir.resolve("store-" + n++ + ".db").toString();
  }
}
