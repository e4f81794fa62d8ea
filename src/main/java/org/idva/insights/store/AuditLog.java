package org.idva.insights.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The web page's audit log (table {@code audit_event}), newest last. */
public final class AuditLog {
  private final CaseStore store;

  AuditLog(CaseStore store) {
    this.store = store;
  }

  /** Appends an event; its id and time are assigned here. */
  public AuditEvent record(
      String actor, String address, String action, String service, String detail) {
    return store.write(
        "write the audit log",
        c -> {
          AuditEvent e =
              new AuditEvent(
                  CaseStore.nextId(c, "audit_event", "event_id"),
                  Instant.now(),
                  actor == null ? "" : actor,
                  address == null ? "" : address,
                  action,
                  service,
                  detail == null ? "" : detail);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO audit_event (event_id, at, actor, address, action, service, detail)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.id());
            ps.setString(2, e.at().toString());
            ps.setString(3, e.actor());
            ps.setString(4, e.address());
            ps.setString(5, e.action());
            ps.setString(6, e.service());
            ps.setString(7, e.detail());
            ps.executeUpdate();
          }
          return e;
        });
  }

  /** The latest {@code limit} events, oldest first (every event when limit is 0). */
  public List<AuditEvent> latest(int limit) {
    return store.read(
        "read the audit log",
        c -> {
          List<AuditEvent> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT event_id, at, actor, address, action, service, detail FROM"
                          + " audit_event ORDER BY event_id DESC");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next() && (limit == 0 || out.size() < limit)) {
              out.add(
                  new AuditEvent(
                      rs.getLong(1),
                      Instant.parse(rs.getString(2)),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)));
            }
          }
          java.util.Collections.reverse(out);
          return out;
        });
  }
}
