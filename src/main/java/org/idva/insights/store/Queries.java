package org.idva.insights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.idva.insights.model.Finding;
import org.idva.insights.model.Severity;

/**
 * The queries of the services' current returns (table {@code return_query}), each with its
 * explanation if the service gave one: what {@code insights queries} lists, the master workbook
 * counts and the web page shows.
 */
public final class Queries {
  private final CaseStore store;

  Queries(CaseStore store) {
    this.store = store;
  }

  /** Whether a finding is kept as a query: a query on one answer of one case. */
  static boolean kept(Finding f) {
    return f.severity() == Severity.QUERY
        && f.caseRef() != null
        && f.field() != null
        && f.question() != null
        && f.location().sheet() != null;
  }

  /** Records the queries of a return being ingested (inside the ingest's transaction). */
  static void insert(Connection c, long returnId, String service, List<Finding> findings)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO return_query (return_id, seq, service, sheet, source_row, source_column,"
                + " case_ref, field, question, code, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)")) {
      int seq = 0;
      for (Finding f : findings) {
        if (!kept(f)) {
          continue;
        }
        ps.setLong(1, returnId);
        ps.setInt(2, seq++);
        ps.setString(3, service);
        ps.setString(4, f.location().sheet());
        ps.setInt(5, f.location().row());
        ps.setInt(6, f.location().column());
        ps.setString(7, f.caseRef());
        ps.setString(8, f.field());
        ps.setString(9, f.question());
        ps.setString(10, f.code());
        ps.setString(11, f.found() == null ? "" : f.found());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The queries of every current return of a service (of every service when null), open and
   * explained, by service, quarter, sheet and row.
   */
  public List<StoredQuery> list(String service) {
    String sql =
        "SELECT q.service, r.quarter, r.file_name, q.sheet, q.source_row, q.source_column,"
            + " q.case_ref, q.field, q.question, q.code, q.answer FROM return_query q JOIN"
            + " store_return r ON r.return_id = q.return_id WHERE r.state = ?"
            + (service == null ? "" : " AND q.service = ?")
            + " ORDER BY q.service, r.quarter, q.sheet, q.source_row, q.seq";
    List<StoredQuery> out = new ArrayList<>();
    Explanations explanations = store.explanations();
    try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
      ps.setString(1, CaseStore.CURRENT);
      if (service != null) {
        ps.setString(2, service);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String svc = rs.getString(1);
          String sheet = rs.getString(4);
          String caseRef = rs.getString(7);
          String field = rs.getString(8);
          String answer = rs.getString(11);
          out.add(
              new StoredQuery(
                  svc,
                  rs.getString(2),
                  rs.getString(3),
                  sheet,
                  rs.getInt(5),
                  rs.getInt(6),
                  caseRef,
                  field,
                  rs.getString(9),
                  rs.getString(10),
                  answer,
                  Optional.empty()));
        }
      }
    } catch (SQLException ex) {
      throw store.failure(ex, "read the queries");
    }
    List<StoredQuery> withExplanations = new ArrayList<>(out.size());
    for (StoredQuery q : out) {
      withExplanations.add(
          new StoredQuery(
              q.service(),
              q.quarter(),
              q.fileName(),
              q.sheet(),
              q.row(),
              q.column(),
              q.caseRef(),
              q.field(),
              q.question(),
              q.code(),
              q.answer(),
              explanations.find(q.service(), q.sheet(), q.caseRef(), q.field(), q.answer())));
    }
    return withExplanations;
  }

  /** Open and explained queries of the current returns per service: {@code [open, explained]}. */
  public Map<String, int[]> countsByService() {
    Map<String, int[]> counts = new TreeMap<>();
    for (StoredQuery q : list(null)) {
      counts.computeIfAbsent(q.service(), k -> new int[2])[q.isExplained() ? 1 : 0]++;
    }
    return counts;
  }
}
