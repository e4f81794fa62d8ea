package org.idva.insights.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.idva.insights.model.Explanation;

/**
 * The explanations of queries in the case store (table {@code query_explanation}): recorded by
 * whichever way a service gives one (the Issues sheet of a workbook sent back, the web page) and
 * looked up by the answer they explain.
 */
public final class Explanations {
  private static final String COLUMNS =
      "service, sheet, case_ref, field, answer, explanation, explained_by, channel, explained_at";

  private final CaseStore store;

  Explanations(CaseStore store) {
    this.store = store;
  }

  /**
   * Records an explanation, replacing one given earlier for the same answer. One transaction under
   * the store's write lock.
   */
  public void record(Explanation e) {
    try {
      store.begin();
      try (PreparedStatement del =
              store
                  .connection()
                  .prepareStatement(
                      "DELETE FROM query_explanation WHERE service = ? AND sheet = ? AND case_ref"
                          + " = ? AND field = ? AND answer = ?");
          PreparedStatement ins =
              store
                  .connection()
                  .prepareStatement(
                      "INSERT INTO query_explanation ("
                          + COLUMNS
                          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bindKey(del, e.service(), e.sheet(), e.caseRef(), e.field(), e.value());
        del.executeUpdate();
        bindKey(ins, e.service(), e.sheet(), e.caseRef(), e.field(), e.value());
        ins.setString(6, e.text());
        ins.setString(7, e.by());
        ins.setString(8, e.channel());
        ins.setString(9, e.at().toString());
        ins.executeUpdate();
      }
      store.commit();
    } catch (SQLException ex) {
      store.rollbackQuietly();
      throw store.failure(ex, "record an explanation");
    }
  }

  /** The explanation of one answer, if the service gave one. */
  public Optional<Explanation> find(
      String service, String sheet, String caseRef, String field, String value) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM query_explanation WHERE service = ? AND sheet = ? AND case_ref = ? AND field"
            + " = ? AND answer = ?";
    try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
      bindKey(ps, service, sheet, caseRef, field, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException ex) {
      throw store.failure(ex, "look up an explanation");
    }
  }

  /** Every explanation of a service (of every service when null), by service, sheet and case. */
  public List<Explanation> list(String service) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM query_explanation"
            + (service == null ? "" : " WHERE service = ?")
            + " ORDER BY service, sheet, case_ref, field, answer";
    List<Explanation> out = new ArrayList<>();
    try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
      if (service != null) {
        ps.setString(1, service);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    } catch (SQLException ex) {
      throw store.failure(ex, "read the explanations");
    }
    return out;
  }

  private static void bindKey(
      PreparedStatement ps, String service, String sheet, String caseRef, String field, String v)
      throws SQLException {
    ps.setString(1, service);
    ps.setString(2, sheet);
    ps.setString(3, caseRef);
    ps.setString(4, field);
    ps.setString(5, v == null ? "" : v);
  }

  private static Explanation read(ResultSet rs) throws SQLException {
    return new Explanation(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        Instant.parse(rs.getString(9)));
  }
}
