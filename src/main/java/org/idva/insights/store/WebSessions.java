package org.idva.insights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The web page's sessions (table {@code web_session}), keyed by the hash of the session id. */
public final class WebSessions {
  private final CaseStore store;

  WebSessions(CaseStore store) {
    this.store = store;
  }

  /** Starts a session for an account. */
  public void start(String tokenHash, long accountId, String csrfToken, Instant now) {
    store.write(
        "start a session",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO web_session (token_hash, account_id, csrf_token, created,"
                      + " last_seen) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setLong(2, accountId);
            ps.setString(3, csrfToken);
            ps.setString(4, now.toString());
            ps.setString(5, now.toString());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The session with this token hash and its account, if it exists. */
  public Optional<WebSession> find(String tokenHash) {
    return store.read(
        "read a session",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.token_hash, s.csrf_token, s.created, s.last_seen, a.account_id,"
                      + " a.email, a.service, a.analyst, a.password_hash, a.disabled, a.created"
                      + " FROM web_session s JOIN web_account a ON a.account_id = s.account_id"
                      + " WHERE s.token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              Account a = Accounts.read(rs, 5);
              return Optional.of(
                  new WebSession(
                      rs.getString(1),
                      a,
                      rs.getString(2),
                      Instant.parse(rs.getString(3)),
                      Instant.parse(rs.getString(4))));
            }
          }
        });
  }

  /** Records that the session was used now. */
  public void touch(String tokenHash, Instant now) {
    store.read(
        "touch a session",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE web_session SET last_seen = ? WHERE token_hash = ?")) {
            ps.setString(1, now.toString());
            ps.setString(2, tokenHash);
            return ps.executeUpdate();
          }
        });
  }

  /** Ends a session. */
  public void end(String tokenHash) {
    store.read(
        "end a session",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM web_session WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            return ps.executeUpdate();
          }
        });
  }

  static void deleteFor(Connection c, long accountId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM web_session WHERE account_id = ?")) {
      ps.setLong(1, accountId);
      ps.executeUpdate();
    }
  }
}
