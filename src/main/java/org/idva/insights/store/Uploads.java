package org.idva.insights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;

/** The returns uploaded on the web page (tables {@code web_upload}, {@code web_upload_finding}). */
public final class Uploads {
  private static final String COLUMNS =
      "upload_id, service, quarter, account_email, file_name, sha256, received, status,"
          + " merge_outcome, refused, error_count, query_count, checked_workbook";

  private final CaseStore store;

  Uploads(CaseStore store) {
    this.store = store;
  }

  /** Records an upload and its findings in one transaction; the id given is ignored. */
  public Upload record(Upload u) {
    return store.write(
        "record an upload",
        c -> {
          long id = CaseStore.nextId(c, "web_upload", "upload_id");
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO web_upload ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, u.service());
            ps.setString(3, u.quarter());
            ps.setString(4, u.accountEmail());
            ps.setString(5, u.fileName());
            ps.setString(6, u.sha256());
            ps.setString(7, u.received().toString());
            ps.setString(8, u.status().name());
            ps.setString(9, u.merge());
            ps.setInt(10, u.refused() ? 1 : 0);
            ps.setInt(11, u.errors());
            ps.setInt(12, u.queries());
            ps.setString(13, u.checkedWorkbook());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO web_upload_finding (upload_id, seq, severity, code, sheet, row_no,"
                      + " col_no, found, expected, fix, case_ref, field) VALUES (?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?, ?)")) {
            for (Upload.Item i : u.findings()) {
              Finding f = i.finding();
              ps.setLong(1, id);
              ps.setInt(2, i.seq());
              ps.setString(3, f.severity().name());
              ps.setString(4, f.code());
              ps.setString(5, f.location().sheet());
              ps.setInt(6, f.location().row());
              ps.setInt(7, f.location().column());
              ps.setString(8, f.found());
              ps.setString(9, f.expected());
              ps.setString(10, f.fix());
              ps.setString(11, i.caseRef());
              ps.setString(12, i.field());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return u.with(id, u.findings());
        });
  }

  /** One upload with its findings, if it exists. */
  public Optional<Upload> find(long id) {
    return store.read(
        "read an upload",
        c -> {
          List<Upload> found = select(c, " WHERE upload_id = ?", id);
          return found.isEmpty() ? Optional.empty() : Optional.of(withFindings(c, found.get(0)));
        });
  }

  /** A service's uploads (every service's when null), oldest first, without their findings. */
  public List<Upload> list(String service) {
    return store.read(
        "read the uploads",
        c ->
            service == null
                ? select(c, " ORDER BY upload_id")
                : select(c, " WHERE service = ? ORDER BY upload_id", service));
  }

  /**
   * The first upload of a file with these bytes (the one that was checked: the same bytes sent
   * again are recognised unread), with its findings.
   */
  public Optional<Upload> findBySha256(String service, String sha256) {
    return store.read(
        "read an upload",
        c -> {
          List<Upload> found =
              select(c, " WHERE service = ? AND sha256 = ? ORDER BY upload_id", service, sha256);
          return found.isEmpty() ? Optional.empty() : Optional.of(withFindings(c, found.get(0)));
        });
  }

  private static List<Upload> select(Connection c, String where, Object... args)
      throws SQLException {
    List<Upload> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM web_upload" + where)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Upload(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  Instant.parse(rs.getString(7)),
                  ReturnStatus.valueOf(rs.getString(8)),
                  rs.getString(9),
                  rs.getInt(10) == 1,
                  rs.getInt(11),
                  rs.getInt(12),
                  rs.getString(13),
                  List.of()));
        }
      }
    }
    return out;
  }

  private static Upload withFindings(Connection c, Upload u) throws SQLException {
    List<Upload.Item> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seq, severity, code, sheet, row_no, col_no, found, expected, fix, case_ref,"
                + " field FROM web_upload_finding WHERE upload_id = ? ORDER BY seq")) {
      ps.setLong(1, u.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Finding f =
              new Finding(
                  Severity.valueOf(rs.getString(2)),
                  rs.getString(3),
                  new SourceLocation(u.fileName(), rs.getString(4), rs.getInt(5), rs.getInt(6)),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9));
          items.add(new Upload.Item(rs.getInt(1), f, rs.getString(10), rs.getString(11)));
        }
      }
    }
    return u.with(u.id(), items);
  }
}
