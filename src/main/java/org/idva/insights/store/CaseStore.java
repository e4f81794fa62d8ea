package org.idva.insights.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.idva.insights.model.AnswerSink;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Form;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable case store: every return ingested (the history) and the merged rows of the current
 * returns, across services and years. An embedded SQLite file by default, PostgreSQL when given a
 * JDBC URL; the tables are created and upgraded by the Flyway migrations in {@code db/migration}.
 *
 * <p>Each {@link #ingest} is one transaction under a store-wide write lock, so a crash leaves the
 * store as it was and two runs at once are serialised (the second waits up to {@link
 * StoreConfig#lockWait()}, then stops with {@link StoreBusyException}). Not thread-safe: one
 * instance per thread.
 */
public final class CaseStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaseStore.class);
  static final String INTAKE_FORM = "intake";
  static final String INTAKE_DATE = "intake_date";
  static final String CURRENT = "current";
  static final String SUPERSEDED = "superseded";
  static final String REJECTED = "rejected";
  static final String UNMATCHED = "unmatched";
  static final String CONFLICT = "conflict";
  private static final int FETCH = 2000;

  private final StoreConfig config;
  private final Dialect dialect;
  private final Connection connection;

  /** How {@link #concurrentReader} connects: the store's URL and connection properties. */
  private final String url;

  private final Properties properties;
  private final Object readerLock = new Object();
  private CaseStore reader;

  private final Map<String, SheetDefinition> sheets = new LinkedHashMap<>();
  private final Map<String, RowCodec> codecs = new HashMap<>();
  private final RowLayouts layouts = new RowLayouts(this);
  private final SheetDefinition intake;

  private CaseStore(
      StoreConfig config,
      Dialect dialect,
      Connection connection,
      String url,
      Properties properties) {
    this.config = config;
    this.dialect = dialect;
    this.connection = connection;
    this.url = url;
    this.properties = properties;
    Schema schema = config.schema();
    for (SheetDefinition s : schema.sheets()) {
      sheets.put(s.ref(), s);
      codecs.put(s.ref(), new RowCodec(s));
    }
    Form intakeForm =
        schema
            .form(INTAKE_FORM)
            .orElseThrow(
                () ->
                    new StoreException(
                        "The form definitions have no \""
                            + INTAKE_FORM
                            + "\" form; the case store attaches every row to its intake case"));
    this.intake = intakeForm.main();
  }

  /**
   * Opens (creating or upgrading as needed) the store. Close it when done.
   *
   * @throws StoreException when the database cannot be reached or migrated; the message names the
   *     location and what to do
   */
  public static CaseStore open(StoreConfig config) {
    Dialect dialect;
    String url;
    if (config.isJdbcUrl()) {
      if (!config.location().startsWith("jdbc:postgresql:")) {
        throw new StoreException(
            "Unsupported store URL "
                + config.describe()
                + ": give a file path (SQLite) or a jdbc:postgresql://host:port/database URL");
      }
      dialect = Dialect.POSTGRESQL;
      url = config.location();
    } else {
      dialect = Dialect.SQLITE;
      Path file = config.sqliteFile().toAbsolutePath();
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new StoreException(
            "Cannot create the folder for the case store " + file + ": " + e.getMessage(), e);
      }
      url =
          "jdbc:sqlite:"
              + file
              + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout="
              + Math.max(1, config.lockWait().toMillis());
    }
    if (dialect == Dialect.SQLITE) {
      migrateSqlite(config, url);
    } else {
      migrate(config, url); // Flyway serialises migrations on PostgreSQL with an advisory lock
    }
    try {
      Properties props = new Properties();
      if (dialect == Dialect.POSTGRESQL) {
        props.setProperty("reWriteBatchedInserts", "true"); // multi-row INSERTs: 2-3x faster ingest
      }
      Connection c = DriverManager.getConnection(url, props);
      c.setAutoCommit(true);
      return new CaseStore(config, dialect, c, url, props);
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot open the case store " + config.describe() + ": " + e.getMessage(), e);
    }
  }

  /**
   * SQLite cannot make two connections that both read and then write wait for each other (one gets
   * SQLITE_BUSY at once), so concurrent first runs take turns: a lock file beside the database
   * across processes, this class's monitor within one.
   */
  private static void migrateSqlite(StoreConfig config, String url) {
    Path lockFile = Path.of(config.sqliteFile().toAbsolutePath() + ".migrate-lock");
    synchronized (CaseStore.class) {
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        createWithLargePages(config.sqliteFile().toAbsolutePath());
        migrate(config, url);
      } catch (IOException e) {
        throw new StoreException(
            "Cannot lock " + lockFile + " to create or upgrade the case store: " + e.getMessage(),
            e);
      }
    }
  }

  /**
   * The page size a new SQLite store is created with: 16 KiB, not SQLite's 4 KiB. A stored row is
   * about 600 bytes, and a return adds thousands at once; with larger pages each commit writes
   * fewer, fuller pages and the indexes are shallower. At a hundred times the sample `run` took
   * 82.6 to 85.9 s against 88.7 and 88.8 s (docs/performance.md). A store created before keeps its
   * pages: SQLite cannot change them in WAL mode.
   */
  static final int SQLITE_PAGE_BYTES = 16384;

  /**
   * Creates the SQLite file with {@link #SQLITE_PAGE_BYTES} pages when it does not exist yet (or is
   * empty); switching it to WAL fixes the page size. Called under the migration lock.
   */
  private static void createWithLargePages(Path file) throws IOException {
    if (Files.exists(file) && Files.size(file) > 0) {
      return;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      st.execute("PRAGMA page_size=" + SQLITE_PAGE_BYTES);
      st.execute("PRAGMA journal_mode=WAL");
    } catch (SQLException e) {
      throw new StoreException("Cannot create the case store " + file + ": " + e.getMessage(), e);
    }
  }

  private static void migrate(StoreConfig config, String url) {
    try {
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "Cannot create or upgrade the case store "
              + config.describe()
              + ": "
              + e.getMessage()
              + (config.isJdbcUrl()
                  ? " (is the database server running and the URL's user allowed to create"
                      + " tables?)"
                  : ""),
          e);
    }
  }

  public StoreConfig config() {
    return config;
  }

  // ---------------------------------------------------------------------------------- ingest

  /**
   * Records a checked return and, unless it is a duplicate, older than the current one or rejected,
   * makes its rows the service's data for its quarter, replacing an earlier return's rows in the
   * same transaction.
   *
   * @throws StoreBusyException when another run held the write lock for longer than the wait
   */
  public IngestResult ingest(CheckedReturn checked) {
    return ingest(checked, IngestProgress.NONE);
  }

  /** {@link #ingest(CheckedReturn)}, telling {@code progress} as rows are written. */
  public IngestResult ingest(CheckedReturn checked, IngestProgress progress) {
    return ingest(checked, progress, r -> {});
  }

  /** What to do with an ingest's result before it is committed; a failure rolls the ingest back. */
  @FunctionalInterface
  public interface BeforeCommit {
    void accept(IngestResult result) throws Exception;
  }

  /**
   * {@link #ingest(CheckedReturn, IngestProgress)}, calling {@code beforeCommit} with the result
   * inside the transaction: when it throws (anything, an {@link Error} included), the ingest is
   * rolled back, the store is as it was before this return, and the failure is rethrown (a checked
   * exception wrapped in a {@link StoreException}).
   */
  public IngestResult ingest(
      CheckedReturn checked, IngestProgress progress, BeforeCommit beforeCommit) {
    return ingest(prepare(Objects.requireNonNull(checked, "checked")), progress, beforeCommit);
  }

  /**
   * The return's rows made ready for {@link #ingest(PreparedReturn, IngestProgress, BeforeCommit)}
   * (their values encoded as stored, the rows the store will not keep noted): the part of an ingest
   * that does not depend on what the store holds. Safe to call on any thread, beside an ingest on
   * another: it uses no connection.
   */
  public PreparedReturn prepare(CheckedReturn checked) {
    return PreparedReturn.of(this, Objects.requireNonNull(checked, "checked"));
  }

  /**
   * {@link #ingest(CheckedReturn, IngestProgress, BeforeCommit)} of a return {@link #prepare
   * prepared} beforehand, on this store: the same result, store and findings.
   */
  public IngestResult ingest(
      PreparedReturn prepared, IngestProgress progress, BeforeCommit beforeCommit) {
    Objects.requireNonNull(prepared, "prepared");
    if (prepared.store() != this) {
      throw new IllegalArgumentException(
          "a return is ingested by the store that prepared it (its rows are in that store's"
              + " encoding)");
    }
    CheckedReturn checked = prepared.checked();
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(beforeCommit, "beforeCommit");
    try {
      dialect.begin(connection, config.lockWait());
    } catch (SQLException e) {
      rollbackQuietly();
      throw failure(e, "start ingesting " + checked.info().fileName());
    }
    try {
      IngestResult result = new ReturnIngest(this, prepared, progress).run();
      beforeCommit.accept(result);
      dialect.commit(connection);
      LOG.info(
          "Ingested {} ({} {}): {}, {} rows",
          checked.info().fileName(),
          checked.info().service(),
          checked.info().quarter(),
          result.outcome(),
          result.rowsStored());
      return result;
    } catch (SQLException e) {
      rollbackQuietly();
      throw failure(e, "ingest " + checked.info().fileName());
    } catch (RuntimeException | Error e) {
      rollbackQuietly();
      throw e;
    } catch (Exception e) {
      rollbackQuietly();
      throw new StoreException(
          "Could not finish ingesting " + checked.info().fileName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The same store on a second connection, for reads that may go on while this one ingests on
   * another thread (an ingest holds its connection for its whole transaction, commit included). It
   * sees what has been committed. Opened on first use and closed with this store; like any store,
   * used by one thread at a time.
   */
  public CaseStore concurrentReader() {
    synchronized (readerLock) {
      if (reader == null) {
        try {
          Connection c = DriverManager.getConnection(url, properties);
          c.setAutoCommit(true);
          reader = new CaseStore(config, dialect, c, url, properties);
        } catch (SQLException e) {
          throw failure(e, "open a second connection for reading");
        }
      }
      return reader;
    }
  }

  /** The return in the history whose file had this SHA-256, if any (the same bytes again). */
  public Optional<StoredReturn> returnWithSha256(String sha256) {
    return returns(" WHERE sha256 = ?", sha256).stream().findFirst();
  }

  /**
   * Takes the store's one-writer lock, to hold for a whole run, mail poll cycle or upload: a second
   * holder (another process, or another thread of this one) waits up to {@code wait} and then gets
   * {@link StoreBusyException} naming the holder. Each {@link #ingest} still takes its own
   * transaction lock inside it. Close it on the thread that took it (try-with-resources).
   *
   * @param holder who holds it, for the message the next writer gets; {@link
   *     WriterLock#holder(String)} makes one such as "insights run, pid 1234 on host x, since
   *     14:02:11"
   * @throws StoreBusyException when another writer held it for longer than {@code wait}
   */
  public WriterLock lockForWriting(java.time.Duration wait, String holder) {
    Objects.requireNonNull(wait, "wait");
    Objects.requireNonNull(holder, "holder");
    return WriterLock.acquire(config, wait, holder);
  }

  /** Starts a write transaction under the store-wide lock (waits up to the lock wait). */
  void begin() throws SQLException {
    dialect.begin(connection, config.lockWait());
  }

  void commit() throws SQLException {
    dialect.commit(connection);
  }

  /** The explanations services gave for their queries. */
  public Explanations explanations() {
    return new Explanations(this);
  }

  /** The accounts that may sign in to the returns web page. */
  public Accounts accounts() {
    return new Accounts(this);
  }

  /** The web page's signed-in sessions. */
  public WebSessions sessions() {
    return new WebSessions(this);
  }

  /** The returns uploaded on the web page, each with its findings. */
  public Uploads uploads() {
    return new Uploads(this);
  }

  /** The web page's audit log. */
  public AuditLog audit() {
    return new AuditLog(this);
  }

  /** Work done with the store's connection. */
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} as one write transaction under the store-wide lock. */
  <T> T write(String doing, SqlWork<T> work) {
    try {
      begin();
      T result = work.run(connection);
      commit();
      return result;
    } catch (SQLException e) {
      rollbackQuietly();
      throw failure(e, doing);
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
  }

  /** Runs {@code work} outside a transaction (reads, or a single statement). */
  <T> T read(String doing, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(e, doing);
    }
  }

  /** The next id of a table whose ids the application assigns (call inside {@link #write}). */
  static long nextId(Connection c, String table, String column) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) + 1;
    }
  }

  /** The queries of the current returns, each with its explanation if given. */
  public Queries queries() {
    return new Queries(this);
  }

  /** The messages received by e-mail and the replies waiting to go out. */
  public MessageLog messageLog() {
    return new MessageLog(this);
  }

  void rollbackQuietly() {
    try {
      dialect.rollback(connection);
    } catch (SQLException e) {
      LOG.warn("Rollback failed on {}: {}", config.describe(), e.getMessage());
    }
  }

  StoreException failure(SQLException e, String doing) {
    if (dialect.isLockTimeout(e)) {
      return new StoreBusyException(
          "The case store "
              + config.describe()
              + " is in use by another run, which held it for more than "
              + config.lockWait().toSeconds()
              + " s. Nothing was changed by this run; wait for the other run to finish, then run"
              + " again.",
          e);
    }
    return new StoreException(
        "Could not " + doing + " in the case store " + config.describe() + ": " + e.getMessage(),
        e);
  }

  Connection connection() {
    return connection;
  }

  SheetDefinition sheet(String ref) {
    return sheets.get(ref);
  }

  RowCodec codec(String ref) {
    return codecs.get(ref);
  }

  SheetDefinition intakeSheet() {
    return intake;
  }

  // ---------------------------------------------------------------------------------- queries

  /** The case refs of a service's cases that have a current intake form. */
  public Set<String> intakeCaseRefs(String service) {
    String sql = "SELECT case_ref FROM case_row WHERE service = ? AND sheet_ref = ? AND state = ?";
    Set<String> refs = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, service);
      ps.setString(2, intake.ref());
      ps.setString(3, CURRENT);
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          refs.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw failure(e, "list the intakes of " + service);
    }
    return refs;
  }

  /** The intake date of a case's current intake, when the store has one with a date. */
  public Optional<LocalDate> intakeDate(String service, String caseRef) {
    String sql =
        "SELECT row_values, layout_id FROM case_row WHERE service = ? AND case_ref = ?"
            + " AND sheet_ref = ? AND state = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, service);
      ps.setString(2, caseRef);
      ps.setString(3, intake.ref());
      ps.setString(4, CURRENT);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()
            && codecs.get(intake.ref()).decode(rs.getString(1), layout(rs, 2)).get(INTAKE_DATE)
                instanceof LocalDate date) {
          return Optional.of(date);
        }
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e, "look up an intake date");
    }
  }

  /**
   * The merged case data the report is computed from: every current row of a sheet, across services
   * and years, streamed in ingest order. Unmatched and conflicting rows are not part of it.
   */
  public CaseData caseData() {
    return new CaseData() {
      @Override
      public void forEachRow(String sheetRef, Consumer<FormRow> action) {
        RowCodec codec = readingCodec(sheetRef);
        forEachCurrentRow(
            sheetRef,
            true,
            r ->
                action.accept(
                    new FormRow(
                        r.service(),
                        sheetRef,
                        new SourceLocation(r.file(), r.sheet(), r.row(), SourceLocation.NONE),
                        codec.decode(r.json(), r.layout()))));
      }

      @Override
      public int rowCount(String sheetRef) {
        readingCodec(sheetRef);
        return countCurrentRows(sheetRef);
      }

      /** The stored JSON read straight into the sink: no map, row or provenance per row. */
      @Override
      public void forEachAnswer(String sheetRef, AnswerSink sink) {
        RowCodec.Reader reader = readingCodec(sheetRef).reader();
        forEachCurrentRow(
            sheetRef,
            false,
            reader::prepare, // each row scanned on the reading thread, its values handed on here
            r -> {
              sink.row(r.service());
              reader.read(r.json(), r.layout(), r.prepared(), sink);
            });
      }
    };
  }

  private int countCurrentRows(String sheetRef) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT count(*) FROM case_row WHERE sheet_ref = ? AND state = ?")) {
      ps.setString(1, sheetRef);
      ps.setString(2, CURRENT);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new StoreException("could not count the " + sheetRef + " rows", e);
    }
  }

  private RowCodec readingCodec(String sheetRef) {
    RowCodec codec = codecs.get(sheetRef);
    if (codec == null) {
      throw new IllegalArgumentException(
          "no sheet \"" + sheetRef + "\" in the form definitions; sheets: " + sheets.keySet());
    }
    return codec;
  }

  /**
   * A current row as read from the database, its values still JSON, with what the reading thread
   * prepared of them (or null); without provenance, {@code file} and {@code sheet} are null and
   * {@code row} 0.
   */
  private record RawRow(
      String service,
      String file,
      String sheet,
      int row,
      String json,
      StoredLayout layout,
      Object prepared) {}

  /**
   * What the values of the row at the result's cursor are, from its layout in column {@code column}
   * ({@link RowLayouts#layout}); null for a row stored as a JSON object (before layouts).
   */
  private StoredLayout layout(ResultSet rs, int column) throws SQLException {
    long id = rs.getLong(column);
    return rs.wasNull() ? null : layouts.layout(id);
  }

  /** Rows handed from the reading thread to the decoding one at a time. */
  private static final int BATCH = 1024;

  /**
   * Every current row of a sheet in ingest order, to {@code action} on the caller's thread, with
   * where it came from when {@code provenance} says so. One thread reads the rows from the database
   * (their values as stored text, in batches) while the caller's thread decodes each row's values
   * and hands the row on, so reading and decoding overlap; the caller waits until the reading
   * thread has let go of the connection before returning.
   */
  private void forEachCurrentRow(String sheetRef, boolean provenance, Consumer<RawRow> action) {
    forEachCurrentRow(sheetRef, provenance, (json, layout) -> null, action);
  }

  /**
   * As {@link #forEachCurrentRow(String, boolean, Consumer)}, with {@code prepare} applied to each
   * row's stored values on the reading thread (so the work is shared between two threads), its
   * result handed on with the row. The reading thread mostly waits for the database: the tables'
   * load ({@link CaseData#forEachAnswer}) has it scan each row's JSON, and `tables` on a hundred
   * times the sample took 12.5 s against 13.4 s (docs/performance.md).
   */
  private void forEachCurrentRow(
      String sheetRef,
      boolean provenance,
      java.util.function.BiFunction<String, StoredLayout, Object> prepare,
      Consumer<RawRow> action) {
    java.util.concurrent.BlockingQueue<List<RawRow>> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(4);
    List<RawRow> end = new ArrayList<>();
    java.util.concurrent.atomic.AtomicReference<Throwable> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                readCurrentRows(sheetRef, provenance, prepare, queue);
              } catch (InterruptedException e) {
                return; // the caller stopped taking rows
              } catch (Throwable e) {
                failed.set(e);
              }
              try {
                queue.put(end);
              } catch (InterruptedException e) {
                // the caller stopped taking rows
              }
            },
            "case-rows");
    reader.setDaemon(true);
    reader.start();
    boolean finished = false;
    try {
      for (List<RawRow> batch = queue.take(); batch != end; batch = queue.take()) {
        for (RawRow r : batch) {
          action.accept(r);
        }
      }
      finished = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the " + sheetRef + " rows", e);
    } finally {
      if (!finished) {
        reader.interrupt();
      }
      boolean interrupted = false;
      while (reader.isAlive()) {
        try {
          reader.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable f = failed.get();
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
    if (f != null) {
      throw new IllegalStateException(f);
    }
  }

  /** Reads a sheet's current rows into {@code queue} in batches (the caller adds the end). */
  private void readCurrentRows(
      String sheetRef,
      boolean provenance,
      java.util.function.BiFunction<String, StoredLayout, Object> prepare,
      java.util.concurrent.BlockingQueue<List<RawRow>> queue)
      throws InterruptedException {
    String sql =
        "SELECT service, row_values, layout_id"
            + (provenance ? ", source_file, source_sheet, source_row" : "")
            + " FROM case_row WHERE sheet_ref = ? AND state = ? ORDER BY return_id, seq";
    boolean cursor = dialect == Dialect.POSTGRESQL;
    try {
      if (cursor) {
        connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only in a tx
      }
      layouts.readAll();
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        ps.setString(1, sheetRef);
        ps.setString(2, CURRENT);
        try (ResultSet rs = ps.executeQuery()) {
          List<RawRow> batch = new ArrayList<>(BATCH);
          while (rs.next()) {
            String json = rs.getString(2);
            StoredLayout layout = layout(rs, 3);
            Object prepared = prepare.apply(json, layout);
            batch.add(
                provenance
                    ? new RawRow(
                        rs.getString(1),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        json,
                        layout,
                        prepared)
                    : new RawRow(rs.getString(1), null, null, 0, json, layout, prepared));
            if (batch.size() == BATCH) {
              queue.put(batch);
              batch = new ArrayList<>(BATCH);
            }
          }
          if (!batch.isEmpty()) {
            queue.put(batch);
          }
        }
      } finally {
        if (cursor) {
          connection.commit();
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw failure(e, "read the " + sheetRef + " rows");
    }
  }

  /**
   * A case's rows, oldest return first: found through the intake index (its first column is the
   * service), as no index leads with the case (migration V10).
   */
  static final String CASE_ROWS =
      "SELECT return_id, sheet_ref, state, source_file, source_sheet, source_row, row_values,"
          + " layout_id FROM case_row WHERE service = ? AND case_ref = ? ORDER BY return_id, seq";

  /** A case's forms in every state, oldest return first, each with where it came from. */
  public List<StoredRow> caseRows(String service, String caseRef) {
    List<StoredRow> rows = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CASE_ROWS)) {
      ps.setString(1, service);
      ps.setString(2, caseRef);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String ref = rs.getString(2);
          RowCodec codec = codecs.get(ref);
          Map<String, Object> values =
              codec == null ? Map.of() : codec.decode(rs.getString(7), layout(rs, 8));
          FormRow row =
              new FormRow(
                  service,
                  ref,
                  new SourceLocation(
                      rs.getString(4), rs.getString(5), rs.getInt(6), SourceLocation.NONE),
                  values);
          rows.add(new StoredRow(row, rs.getLong(1), rs.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw failure(e, "read case " + caseRef);
    }
    return rows;
  }

  /** A case's current forms (those counted in the report), each with its provenance. */
  public List<FormRow> caseForms(String service, String caseRef) {
    return caseRows(service, caseRef).stream()
        .filter(r -> CURRENT.equals(r.state()))
        .map(StoredRow::row)
        .toList();
  }

  /** The returns ingested for a service (every service when null), oldest first. */
  public List<StoredReturn> history(String service) {
    return service == null ? returns("") : returns(" WHERE service = ?", service);
  }

  /** The returns the condition selects ({@code where} with its parameters), oldest first. */
  List<StoredReturn> returns(String where, String... params) {
    String sql =
        "SELECT return_id, service, quarter, file_name, sha256, received, ingested, status, state,"
            + " superseded_by, error_count, query_count, notice_count, rows_stored,"
            + " findings_summary FROM store_return"
            + where
            + " ORDER BY return_id";
    List<StoredReturn> returns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long by = rs.getLong(10);
          Long supersededBy = rs.wasNull() ? null : by;
          returns.add(
              new StoredReturn(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  Instant.parse(rs.getString(6)),
                  Instant.parse(rs.getString(7)),
                  ReturnStatus.valueOf(rs.getString(8)),
                  rs.getString(9),
                  supersededBy,
                  rs.getInt(11),
                  rs.getInt(12),
                  rs.getInt(13),
                  rs.getInt(14),
                  rs.getString(15)));
        }
      }
    } catch (SQLException e) {
      throw failure(e, "read the returns history");
    }
    return returns;
  }

  /** Rows per state ({@code current}, {@code unmatched}, {@code conflict}) across the store. */
  public Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT state, COUNT(*) FROM case_row GROUP BY state ORDER BY state")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw failure(e, "count rows");
    }
    return counts;
  }

  /** The services with at least one return in the store. */
  public Set<String> services() {
    Set<String> services = new HashSet<>();
    for (StoredReturn r : history(null)) {
      services.add(r.service());
    }
    return services;
  }

  @Override
  public void close() {
    synchronized (readerLock) {
      if (reader != null) {
        reader.close();
        reader = null;
      }
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Closing the case store {} failed: {}", config.describe(), e.getMessage());
    }
  }
}
