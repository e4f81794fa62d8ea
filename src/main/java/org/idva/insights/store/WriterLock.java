package org.idva.insights.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The case store's one-writer lock, held for a whole run, mail poll cycle or upload (see {@link
 * CaseStore#lockForWriting}). Two layers:
 *
 * <ul>
 *   <li>in this JVM, a fair lock per store, so the threads of one process (the web server's
 *       uploads) take turns in arrival order;
 *   <li>across processes, on SQLite an exclusive lock on the file {@code <database>.writer-lock}
 *       beside the database (polled, and released by the operating system if the process dies); on
 *       PostgreSQL a session-level advisory lock on a connection of its own (polled with {@code
 *       pg_try_advisory_lock}, released when the connection or the process ends).
 * </ul>
 *
 * <p>The holder text (who, which process, since when) is written into the lock file, or set as the
 * PostgreSQL connection's {@code application_name}, so a second writer can say who it waited for.
 * The same thread may take the lock again while it holds it (each take is closed separately); it
 * must be closed by the thread that took it. Closing twice does nothing.
 */
public final class WriterLock implements AutoCloseable {
  /** The advisory lock key of the writer lock on PostgreSQL (not the ingest transactions' key). */
  static final long POSTGRESQL_WRITER_KEY = 0x1D7A_5104_E000_0002L;

  private static final Duration POLL = Duration.ofMillis(100);
  private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final Map<String, Shared> IN_JVM = new ConcurrentHashMap<>();

  /** One per store and JVM: the fair lock and what the current holder holds across processes. */
  private static final class Shared {
    final ReentrantLock lock = new ReentrantLock(true);
    volatile String holder;
    FileChannel channel;
    FileLock fileLock;
    Connection session;
  }

  private final Shared shared;
  private boolean closed;

  private WriterLock(Shared shared) {
    this.shared = shared;
  }

  /**
   * A holder text for this process: {@code "<what>, pid 1234 on host x, since 14:02:11"}.
   *
   * @param what what holds the lock, such as {@code "insights run"} or {@code "web upload by
   *     alice"}
   */
  public static String holder(String what) {
    return what
        + ", pid "
        + ProcessHandle.current().pid()
        + " on host "
        + hostName()
        + ", since "
        + LocalTime.now().format(SINCE);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown" : env;
    }
  }

  static WriterLock acquire(StoreConfig config, Duration wait, String holder) {
    long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
    String key =
        config.isJdbcUrl()
            ? config.location()
            : config.sqliteFile().toAbsolutePath().normalize().toString();
    Shared shared = IN_JVM.computeIfAbsent(key, k -> new Shared());
    try {
      if (!shared.lock.tryLock(remaining(deadline), TimeUnit.NANOSECONDS)) {
        throw busy(config, wait, shared.holder);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          "Interrupted while waiting for the case store " + config.describe(), e);
    }
    if (shared.lock.getHoldCount() > 1) {
      return new WriterLock(shared); // this thread holds it already
    }
    try {
      if (config.isJdbcUrl()) {
        shared.session = advisoryLock(config, wait, holder, deadline);
      } else {
        fileLock(shared, config, wait, holder, deadline);
      }
      shared.holder = holder;
      return new WriterLock(shared);
    } catch (RuntimeException e) {
      shared.lock.unlock();
      throw e;
    }
  }

  private static void fileLock(
      Shared shared, StoreConfig config, Duration wait, String holder, long deadline) {
    Path file = Path.of(config.sqliteFile().toAbsolutePath() + ".writer-lock");
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        FileLock lock;
        while ((lock = channel.tryLock()) == null) {
          if (remaining(deadline) <= 0) {
            throw busy(config, wait, readHolder(file));
          }
          pause(deadline);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        shared.channel = channel;
        shared.fileLock = lock;
      } catch (RuntimeException | IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new StoreException(
          "Cannot lock " + file + " to write to the case store: " + e.getMessage(), e);
    }
  }

  private static String readHolder(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? null : text;
    } catch (IOException e) {
      return null;
    }
  }

  private static Connection advisoryLock(
      StoreConfig config, Duration wait, String holder, long deadline) {
    Properties props = new Properties();
    props.setProperty("ApplicationName", holder);
    try {
      Connection c = DriverManager.getConnection(config.location(), props);
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        ps.setLong(1, POSTGRESQL_WRITER_KEY);
        while (true) {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) {
              return c;
            }
          }
          if (remaining(deadline) <= 0) {
            String who = pgHolder(c);
            c.close();
            throw busy(config, wait, who);
          }
          pause(deadline);
        }
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot lock the case store " + config.describe() + " for writing: " + e.getMessage(), e);
    }
  }

  /** Who holds the advisory lock: its session's application name, server pid and client. */
  private static String pgHolder(Connection c) throws SQLException {
    String sql =
        "SELECT a.application_name, a.pid, a.client_addr FROM pg_locks l"
            + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
            + " AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, POSTGRESQL_WRITER_KEY >>> 32);
      ps.setLong(2, POSTGRESQL_WRITER_KEY & 0xffff_ffffL);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String name = rs.getString(1);
        String client = rs.getString(3);
        return (name == null || name.isBlank() ? "a session" : name)
            + " (database session "
            + rs.getInt(2)
            + (client == null ? "" : " from " + client)
            + ")";
      }
    }
  }

  private static long remaining(long deadline) {
    return deadline - System.nanoTime();
  }

  private static void pause(long deadline) {
    long nanos = Math.min(POLL.toNanos(), Math.max(1, remaining(deadline)));
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting for the case store's writer lock", e);
    }
  }

  private static StoreBusyException busy(StoreConfig config, Duration wait, String holder) {
    return new StoreBusyException(
        "The case store "
            + config.describe()
            + " is in use by "
            + (holder == null ? "another process" : holder)
            + "; waited "
            + wait.toSeconds()
            + " s. Nothing was changed; wait for it to finish, then try again.",
        null);
  }

  /** The holder text this lock was taken with (the outermost take's, when taken again). */
  public String holder() {
    return shared.holder;
  }

  /** Releases this take; the last take of the thread releases the store. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (shared.lock.getHoldCount() == 1) {
        releaseAcrossProcesses();
      }
    } finally {
      shared.lock.unlock();
    }
  }

  private void releaseAcrossProcesses() {
    shared.holder = null;
    if (shared.channel != null) {
      try (FileChannel channel = shared.channel) {
        channel.truncate(0); // no holder any more; closing the channel releases the file lock
      } catch (IOException e) {
        // the operating system releases the lock with the channel
      } finally {
        shared.fileLock = null;
        shared.channel = null;
      }
    }
    if (shared.session != null) {
      try (Statement s = shared.session.createStatement()) {
        s.execute("SELECT pg_advisory_unlock(" + POSTGRESQL_WRITER_KEY + ")");
      } catch (SQLException e) {
        // closing the session below releases it
      } finally {
        try {
          shared.session.close();
        } catch (SQLException e) {
          // the server ends the session's locks with the connection
        }
        shared.session = null;
      }
    }
  }
}
