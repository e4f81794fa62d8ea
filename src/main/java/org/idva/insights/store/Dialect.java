package org.idva.insights.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * What differs between the two databases: how the write transaction takes the store-wide lock, and
 * how a failure to get it is recognised. Everything else is portable SQL.
 */
enum Dialect {
  /**
   * SQLite: {@code BEGIN IMMEDIATE} takes the database's write lock at once; the connection's busy
   * timeout makes a second writer wait for it.
   */
  SQLITE {
    @Override
    void begin(Connection c, Duration wait) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
    }

    @Override
    void commit(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("COMMIT");
      }
    }

    @Override
    void rollback(Connection c) throws SQLException {
      if (!c.getAutoCommit()) {
        c.rollback();
        return;
      }
      try (Statement s = c.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException e) {
        // no transaction open: nothing to roll back
        if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
          throw e;
        }
      }
    }

    @Override
    boolean isLockTimeout(SQLException e) {
      int code = e.getErrorCode() & 0xff;
      return code == 5 || code == 6 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
    }
  },

  /**
   * PostgreSQL: a transaction-scoped advisory lock serialises ingests; {@code lock_timeout} bounds
   * the wait.
   */
  POSTGRESQL {
    @Override
    void begin(Connection c, Duration wait) throws SQLException {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'");
        s.execute("SELECT pg_advisory_xact_lock(" + POSTGRESQL_LOCK_KEY + ")");
      }
    }

    @Override
    void commit(Connection c) throws SQLException {
      c.commit();
      c.setAutoCommit(true);
    }

    @Override
    void rollback(Connection c) throws SQLException {
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    }

    @Override
    boolean isLockTimeout(SQLException e) {
      return "55P03".equals(e.getSQLState());
    }
  };

  /** The advisory lock key ingests take on PostgreSQL (any constant unique to this tool). */
  static final long POSTGRESQL_LOCK_KEY = 0x1D7A_5104_E000_0001L;

  /** Starts the write transaction, waiting up to {@code wait} for another run's. */
  abstract void begin(Connection c, Duration wait) throws SQLException;

  abstract void commit(Connection c) throws SQLException;

  abstract void rollback(Connection c) throws SQLException;

  /** True when the failure means another run held the write lock for longer than the wait. */
  abstract boolean isLockTimeout(SQLException e);
}
