package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case store contract on the default embedded SQLite file. */
class SqliteCaseStoreTest extends CaseStoreContract {
  @TempDir Path dir;

  @Override
  String emptyStore() {
    return dir.resolve("store").resolve("insights.db").toString();
  }

  @Override
  AutoCloseable holdWriteLock(String location) throws Exception {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + location);
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
    return () -> {
      try (Statement s = c.createStatement()) {
        s.execute("ROLLBACK");
      }
      c.close();
    };
  }

  @Test
  void createsTheFileAndItsFolderWithWriteAheadLogging() throws Exception {
    Path file = Path.of(emptyStore());
    try (CaseStore store = open()) {
      assertThat(store.history(null)).isEmpty();
    }
    assertThat(Files.exists(file)).isTrue();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
    assertThat(pragma(file, "page_size")).isEqualTo(CaseStore.SQLITE_PAGE_BYTES).isEqualTo(16384);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1");
    }
  }

  /** A store made before pages were 16 KiB (or by anything else) keeps its pages and works. */
  @Test
  void aStoreWithSmallerPagesKeepsThemAndIsUpgradedAndWritten() throws Exception {
    Path file = Path.of(emptyStore());
    Files.createDirectories(file.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size=4096");
      s.execute("PRAGMA journal_mode=WAL");
    }
    try (CaseStore store = open()) {
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
      assertThat(store.caseForms("S1", "A1")).hasSize(1);
    }
    assertThat(pragma(file, "page_size")).isEqualTo(4096);
  }

  private static int pragma(Path file, String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  @Test
  void eachIngestReadsTheServicesStoredIntakesFromTheIndexAlone() throws Exception {
    try (CaseStore store = open()) {
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
    }
    assertThat(plan(ReturnIngest.CURRENT_INTAKES, "S1", "intake", CaseStore.CURRENT))
        .contains("USING COVERING INDEX case_row_intake");
  }

  /** SQLite's plan for a query of the store, with these parameters. */
  private String plan(String sql, String... params) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + emptyStore());
        java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString("detail")).append('\n');
        }
      }
      return plan.toString();
    }
  }

  @Test
  void aCasesRowsAreSearchedForInTheServicesPartOfAnIndex() throws Exception {
    try (CaseStore store = open()) {
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").build());
    }
    assertThat(plan(CaseStore.CASE_ROWS, "S1", "A1"))
        .contains("SEARCH case_row USING INDEX case_row_intake (service=?)");
  }

  @Test
  void aStoreOfTheEarlierMigrationsIsUpgradedToTheCoveringIntakeIndex() throws Exception {
    String location = emptyStore();
    Files.createDirectories(Path.of(location).getParent());
    org.flywaydb.core.Flyway.configure()
        .dataSource("jdbc:sqlite:" + location, null, null)
        .locations("classpath:db/migration")
        .target("7")
        .load()
        .migrate();
    try (CaseStore store = open()) {
      store.ingest(TestReturns.of("S1", TestReturns.Q1_2022).intake("A1", "C1").exit("A1").build());
      assertThat(caseRefs(store, "exit")).containsExactly("A1");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location);
        Statement s = c.createStatement()) {
      StringBuilder columns = new StringBuilder();
      try (ResultSet rs = s.executeQuery("PRAGMA index_info(case_row_intake)")) {
        while (rs.next()) {
          columns.append(rs.getString("name")).append(' ');
        }
      }
      assertThat(columns.toString().trim()).isEqualTo("service sheet_ref state case_ref return_id");
    }
  }

  @Test
  void theDefaultLocationIsStoreInsightsDb() {
    assertThat(StoreConfig.of(null, SCHEMA).location()).isEqualTo("store/insights.db");
    assertThat(StoreConfig.of(" ", SCHEMA).isJdbcUrl()).isFalse();
    assertThat(StoreConfig.of("jdbc:postgresql://h:1/db?user=u&password=secret", SCHEMA).describe())
        .isEqualTo("jdbc:postgresql://h:1/db");
  }
}
