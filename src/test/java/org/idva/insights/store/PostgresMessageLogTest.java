package org.idva.insights.store;

import org.junit.jupiter.api.Tag;

/** The message log contract on PostgreSQL (tagged {@code postgres}, run by {@code .ci/run}). */
@Tag("postgres")
class PostgresMessageLogTest extends MessageLogContract {
  @Override
  String emptyStore() throws Exception {
    return new PostgresCaseStoreTest().emptyStore();
  }
}
