package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The case store contract on PostgreSQL. Tagged {@code postgres}: not in the default test selection
 * (a fresh machine has no server); {@code .ci/run} starts PostgreSQL 15 and runs these with {@code
 * -Dinsights.pg=jdbc:postgresql://127.0.0.1:55432/insights?user=postgres}, which also turns on the
 * {@code postgres} Maven profile. Selected without a URL, every test fails saying how to start the
 * server.
 */
@Tag("postgres")
class PostgresCaseStoreTest extends CaseStoreContract {
  static String url() {
    String url = System.getProperty("insights.pg");
    if (url == null || url.isBlank()) {
      url = System.getenv("INSIGHTS_TEST_PG_URL");
    }
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "The PostgreSQL store tests need a server: start PostgreSQL 15 as in"
              + " docs/store.md and pass -Dinsights.pg=jdbc:postgresql://127.0.0.1:55432/"
              + "insights?user=postgres (or set INSIGHTS_TEST_PG_URL)");
    }
    return url;
  }

  @Override
  String emptyStore() throws Exception {
    String url = url();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
    return url;
  }

  @Override
  AutoCloseable holdWriteLock(String location) throws Exception {
    Connection c = DriverManager.getConnection(location);
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + Dialect.POSTGRESQL_LOCK_KEY + ")");
    }
    return () -> {
      c.rollback();
      c.close();
    };
  }

  @Test
  void migratesWithFlyway() throws Exception {
    try (CaseStore store = open()) {
      assertThat(store.history(null)).isEmpty();
    }
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1");
    }
  }
}
