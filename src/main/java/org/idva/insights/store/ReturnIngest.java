package org.idva.insights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.schema.SheetDefinition;

/**
 * The work of one {@link CaseStore#ingest}, run inside the store's write transaction: record the
 * return, replace the rows of the return it supersedes, store its rows (schema fields only), set
 * aside rows without an intake and conflicting intakes, and re-attach rows of other returns whose
 * intake appeared or went.
 */
final class ReturnIngest {
  private static final int BATCH = 1000;
  private final CaseStore store;
  private final Connection c;
  private final PreparedReturn prepared;
  private final CheckedReturn checked;
  private final ReturnInfo info;
  private final StoreFindings findings = new StoreFindings();

  private final IngestProgress progress;

  ReturnIngest(CaseStore store, PreparedReturn prepared, IngestProgress progress) {
    this.store = store;
    this.progress = progress;
    this.c = store.connection();
    this.prepared = prepared;
    this.checked = prepared.checked();
    this.info = checked.info();
  }

  IngestResult run() throws SQLException {
    StoredReturn same = findBySha(info.sha256());
    if (same != null) {
      findings.duplicateFile(info, same);
      return result(same.id(), IngestResult.Outcome.DUPLICATE, null, 0, 0, 0, 0, 0);
    }
    long id = nextReturnId();
    if (checked.status() == ReturnStatus.REJECTED || info.quarter() == null) {
      if (info.quarter() == null && checked.status() != ReturnStatus.REJECTED) {
        findings.noQuarter(info);
      }
      insertReturn(id, CaseStore.REJECTED, null, 0);
      return result(id, IngestResult.Outcome.REJECTED, null, 0, 0, 0, 0, 0);
    }
    StoredReturn current = findCurrent(info.service(), info.quarter().label());
    if (current != null && current.received().isAfter(info.received())) {
      findings.olderReturn(info, current);
      insertReturn(id, CaseStore.SUPERSEDED, current.id(), 0);
      return result(id, IngestResult.Outcome.OUTDATED, null, 0, 0, 0, 0, 0);
    }
    Set<String> oldCases = new HashSet<>();
    if (current != null) {
      oldCases.addAll(caseRefsOf(current.id()));
      update("DELETE FROM case_row WHERE return_id = ?", current.id());
    }
    insertReturn(id, CaseStore.CURRENT, null, 0);
    Queries.insert(c, id, info.service(), checked.findings());
    if (current != null) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE store_return SET state = ?, superseded_by = ? WHERE return_id = ?")) {
        ps.setString(1, CaseStore.SUPERSEDED);
        ps.setLong(2, id);
        ps.setLong(3, current.id());
        ps.executeUpdate();
      }
    }

    Map<String, Long> storedIntakes = currentIntakes(info.service());
    List<PreparedReturn.Pending> pending = new ArrayList<>(prepared.rows().size());
    List<String> states = new ArrayList<>(prepared.rows().size());
    prepare(storedIntakes, pending, states);
    Set<String> intakeCases = new HashSet<>(storedIntakes.keySet());
    Set<String> newIntakeCases = new HashSet<>();
    for (int i = 0; i < pending.size(); i++) {
      PreparedReturn.Pending p = pending.get(i);
      if (p.sheet() == store.intakeSheet() && CaseStore.CURRENT.equals(states.get(i))) {
        intakeCases.add(p.caseRef());
        newIntakeCases.add(p.caseRef());
      }
    }
    int unmatched = 0;
    for (int i = 0; i < pending.size(); i++) {
      PreparedReturn.Pending p = pending.get(i);
      if (states.get(i) == null) {
        if (intakeCases.contains(p.caseRef())) {
          states.set(i, CaseStore.CURRENT);
        } else {
          states.set(i, CaseStore.UNMATCHED);
          unmatched++;
          findings.noIntake(info, p.location(), p.sheet(), p.caseRef());
        }
      }
    }
    insertRows(id, pending, states);
    reattachOtherReturns(current != null);

    Set<String> newCases = new HashSet<>();
    pending.forEach(p -> newCases.add(p.caseRef()));
    int added = (int) newIntakeCases.stream().filter(k -> !oldCases.contains(k)).count();
    int replaced = (int) newCases.stream().filter(oldCases::contains).count();
    int removed = (int) oldCases.stream().filter(k -> !newCases.contains(k)).count();
    updateReturnCounts(id, pending.size());
    return result(
        id,
        current == null ? IngestResult.Outcome.ADDED : IngestResult.Outcome.REPLACED,
        current == null ? null : current.id(),
        pending.size(),
        added,
        replaced,
        removed,
        unmatched);
  }

  /**
   * Adds the return's rows to store (see {@link PreparedReturn}) to {@code pending}, and the state
   * of each to {@code states}: its notes made findings in row order, the intakes classified against
   * the stored ones and each other, the state of non-intake rows left open (null).
   */
  private void prepare(
      Map<String, Long> storedIntakes, List<PreparedReturn.Pending> pending, List<String> states) {
    Map<String, PreparedReturn.Pending> intakeInReturn = new HashMap<>();
    Map<Long, String> returnNames = new HashMap<>();
    for (PreparedReturn.Row row : prepared.rows()) {
      row.notes().forEach(note -> note.accept(findings));
      PreparedReturn.Pending p = row.pending();
      if (p == null) {
        continue;
      }
      String state = null;
      if (p.sheet() == store.intakeSheet()) {
        Long otherReturn = storedIntakes.get(p.caseRef());
        PreparedReturn.Pending first = intakeInReturn.get(p.caseRef());
        if (otherReturn != null) {
          String where = returnNames.computeIfAbsent(otherReturn, r -> describeReturn(r));
          findings.intakeAlreadyStored(info, p.location(), p.caseRef(), where);
          state = CaseStore.CONFLICT;
        } else if (first != null && first.json().equals(p.json())) {
          findings.repeatedIntake(info, p.location(), p.caseRef(), first.location());
          continue;
        } else if (first != null) {
          findings.conflictingIntake(info, p.location(), p.caseRef(), first.location());
          state = CaseStore.CONFLICT;
        } else {
          state = CaseStore.CURRENT;
          intakeInReturn.put(p.caseRef(), p);
        }
      }
      pending.add(p);
      states.add(state);
    }
  }

  private String describeReturn(long returnId) {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT file_name, quarter FROM store_return WHERE return_id = ?")) {
      ps.setLong(1, returnId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) + " (" + rs.getString(2) + ")" : "return " + returnId;
      }
    } catch (SQLException e) {
      throw store.failure(e, "read return " + returnId);
    }
  }

  private void insertRows(long returnId, List<PreparedReturn.Pending> rows, List<String> states)
      throws SQLException {
    String sql =
        "INSERT INTO case_row (return_id, seq, service, sheet_ref, case_ref, client_ref, state,"
            + " source_file, source_sheet, source_row, row_values, layout_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    Map<SheetDefinition, Long> layouts = new java.util.IdentityHashMap<>();
    for (PreparedReturn.Pending p : rows) {
      if (!layouts.containsKey(p.sheet())) {
        String ref = p.sheet().ref();
        layouts.put(p.sheet(), RowLayouts.idFor(c, ref, store.codec(ref)));
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int seq = 0;
      for (PreparedReturn.Pending p : rows) {
        ps.setLong(1, returnId);
        ps.setInt(2, ++seq);
        ps.setString(3, info.service());
        ps.setString(4, p.sheet().ref());
        ps.setString(5, p.caseRef());
        if (p.clientRef() == null) {
          ps.setNull(6, Types.VARCHAR);
        } else {
          ps.setString(6, p.clientRef());
        }
        ps.setString(7, states.get(seq - 1));
        ps.setString(8, p.location().file() == null ? info.fileName() : p.location().file());
        ps.setString(
            9, p.location().sheet() == null ? p.sheet().sheetName() : p.location().sheet());
        ps.setInt(10, p.location().row());
        ps.setString(11, p.json());
        ps.setLong(12, layouts.get(p.sheet()));
        ps.addBatch();
        if (seq % BATCH == 0) {
          ps.executeBatch();
          progress.rowsWritten(seq, rows.size());
        }
      }
      ps.executeBatch();
      progress.rowsWritten(seq, rows.size());
    }
  }

  /**
   * Rows of the service's other returns follow their intake: attached when it now exists, set aside
   * as unmatched when the replaced return took it away.
   */
  private void reattachOtherReturns(boolean intakesMayHaveGone) throws SQLException {
    String intakeRef = store.intakeSheet().ref();
    String hasIntake =
        "EXISTS (SELECT 1 FROM case_row i WHERE i.service = case_row.service"
            + " AND i.case_ref = case_row.case_ref AND i.sheet_ref = ? AND i.state = ?)";
    String sql =
        "UPDATE case_row SET state = ? WHERE service = ? AND sheet_ref <> ? AND state = ? AND ";
    if (intakesMayHaveGone) {
      promoteConflictingIntakes(intakeRef);
      try (PreparedStatement ps = c.prepareStatement(sql + "NOT " + hasIntake)) {
        setAll(ps, CaseStore.UNMATCHED, info.service(), intakeRef, CaseStore.CURRENT);
        ps.setString(5, intakeRef);
        ps.setString(6, CaseStore.CURRENT);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql + hasIntake)) {
      setAll(ps, CaseStore.CURRENT, info.service(), intakeRef, CaseStore.UNMATCHED);
      ps.setString(5, intakeRef);
      ps.setString(6, CaseStore.CURRENT);
      ps.executeUpdate();
    }
  }

  /**
   * When the replaced return took away a case's intake, the earliest intake kept aside as a
   * conflict for that case (from another return) becomes the case's intake.
   */
  private void promoteConflictingIntakes(String intakeRef) throws SQLException {
    String same =
        " i.service = case_row.service AND i.sheet_ref = case_row.sheet_ref"
            + " AND i.case_ref = case_row.case_ref AND i.state = ?";
    String sql =
        "UPDATE case_row SET state = ? WHERE service = ? AND sheet_ref = ? AND state = ?"
            + " AND NOT EXISTS (SELECT 1 FROM case_row i WHERE"
            + same
            + ") AND NOT EXISTS (SELECT 1 FROM case_row i WHERE"
            + same
            + " AND (i.return_id < case_row.return_id"
            + " OR (i.return_id = case_row.return_id AND i.seq < case_row.seq)))";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      setAll(
          ps,
          CaseStore.CURRENT,
          info.service(),
          intakeRef,
          CaseStore.CONFLICT,
          CaseStore.CURRENT,
          CaseStore.CONFLICT);
      ps.executeUpdate();
    }
  }

  private static void setAll(PreparedStatement ps, String... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      ps.setString(i + 1, values[i]);
    }
  }

  /**
   * A service's intakes (service, intake sheet, current) and the return of each: from the index.
   */
  static final String CURRENT_INTAKES =
      "SELECT case_ref, return_id FROM case_row WHERE service = ? AND sheet_ref = ?"
          + " AND state = ?";

  private Map<String, Long> currentIntakes(String service) throws SQLException {
    Map<String, Long> cases = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(CURRENT_INTAKES)) {
      ps.setString(1, service);
      ps.setString(2, store.intakeSheet().ref());
      ps.setString(3, CaseStore.CURRENT);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cases.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return cases;
  }

  private Set<String> caseRefsOf(long returnId) throws SQLException {
    Set<String> cases = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT DISTINCT case_ref FROM case_row WHERE return_id = ?")) {
      ps.setLong(1, returnId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cases.add(rs.getString(1));
        }
      }
    }
    return cases;
  }

  private long nextReturnId() throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COALESCE(MAX(return_id), 0) FROM store_return");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) + 1;
    }
  }

  /**
   * The oldest return with these bytes (the hash compared ignoring case), selected by the database:
   * reading the whole history for it made each ingest cost as much as all the returns before it.
   */
  private StoredReturn findBySha(String sha) {
    return store
        .returns(" WHERE lower(sha256) = ?", sha.toLowerCase(java.util.Locale.ROOT))
        .stream()
        .findFirst()
        .orElse(null);
  }

  /**
   * The oldest current return of the service (of any service when null, as {@code history(null)})
   * for the quarter, selected by the database.
   */
  private StoredReturn findCurrent(String service, String quarter) {
    return (service == null
            ? store.returns(" WHERE state = ? AND quarter = ?", CaseStore.CURRENT, quarter)
            : store.returns(
                " WHERE service = ? AND state = ? AND quarter = ?",
                service,
                CaseStore.CURRENT,
                quarter))
        .stream().findFirst().orElse(null);
  }

  private void insertReturn(long id, String state, Long supersededBy, int rows)
      throws SQLException {
    String sql =
        "INSERT INTO store_return (return_id, service, quarter, file_name, sha256, received,"
            + " ingested, status, state, superseded_by, error_count, query_count, notice_count,"
            + " rows_stored, findings_summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    FindingSummary summary = FindingSummary.of(checked.findings(), findings.list());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.setString(2, info.service());
      ps.setString(3, info.quarter() == null ? null : info.quarter().label());
      ps.setString(4, info.fileName());
      ps.setString(5, info.sha256().toLowerCase(java.util.Locale.ROOT));
      ps.setString(6, (info.received() == null ? Instant.EPOCH : info.received()).toString());
      ps.setString(7, Instant.now().toString());
      ps.setString(8, checked.status().name());
      ps.setString(9, state);
      if (supersededBy == null) {
        ps.setNull(10, Types.BIGINT);
      } else {
        ps.setLong(10, supersededBy);
      }
      ps.setInt(11, summary.errors());
      ps.setInt(12, summary.queries());
      ps.setInt(13, summary.notices());
      ps.setInt(14, rows);
      ps.setString(15, summary.text());
      ps.executeUpdate();
    }
  }

  private void updateReturnCounts(long id, int rows) throws SQLException {
    FindingSummary summary = FindingSummary.of(checked.findings(), findings.list());
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE store_return SET rows_stored = ?, error_count = ?, query_count = ?,"
                + " notice_count = ?, findings_summary = ? WHERE return_id = ?")) {
      ps.setInt(1, rows);
      ps.setInt(2, summary.errors());
      ps.setInt(3, summary.queries());
      ps.setInt(4, summary.notices());
      ps.setString(5, summary.text());
      ps.setLong(6, id);
      ps.executeUpdate();
    }
  }

  private void update(String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  private IngestResult result(
      long id,
      IngestResult.Outcome outcome,
      Long superseded,
      int rows,
      int added,
      int replaced,
      int removed,
      int unmatched) {
    return new IngestResult(
        id, outcome, superseded, rows, added, replaced, removed, unmatched, findings.list());
  }
}
