package org.idva.insights.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The web page's accounts (table {@code web_account}); e-mail addresses compare without case. */
public final class Accounts {
  private static final String COLUMNS =
      "account_id, email, service, analyst, password_hash, disabled, created";

  private final CaseStore store;

  Accounts(CaseStore store) {
    this.store = store;
  }

  /**
   * Adds an account.
   *
   * @throws StoreException when the address already has one
   */
  public Account add(String email, String service, boolean analyst, String passwordHash) {
    String address = normal(email);
    return store.write(
        "add an account",
        c -> {
          if (find(address).isPresent()) {
            throw new StoreException("There is already an account for " + address + ".");
          }
          long id = CaseStore.nextId(c, "web_account", "account_id");
          Account a =
              new Account(
                  id, address, analyst ? null : service, analyst, passwordHash, false, now());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO web_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, a.id());
            ps.setString(2, a.email());
            ps.setString(3, a.service());
            ps.setInt(4, a.analyst() ? 1 : 0);
            ps.setString(5, a.passwordHash());
            ps.setInt(6, 0);
            ps.setString(7, a.created().toString());
            ps.executeUpdate();
          }
          return a;
        });
  }

  /** The account with this address, if any. */
  public Optional<Account> find(String email) {
    List<Account> found = select(" WHERE email = ?", normal(email));
    return found.stream().findFirst();
  }

  /** The account with this id, if any. */
  public Optional<Account> find(long id) {
    return select(" WHERE account_id = ?", id).stream().findFirst();
  }

  /** Every account, by address. */
  public List<Account> list() {
    return select(" ORDER BY email");
  }

  /** Disables (or enables) an account; a disabled account's sessions end at once. */
  public void setDisabled(long id, boolean disabled) {
    store.write(
        "disable an account",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE web_account SET disabled = ? WHERE account_id = ?")) {
            ps.setInt(1, disabled ? 1 : 0);
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          WebSessions.deleteFor(c, id);
          return null;
        });
  }

  /** Sets a new password hash; the account's sessions end at once. */
  public void setPassword(long id, String passwordHash) {
    store.write(
        "set a password",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE web_account SET password_hash = ? WHERE account_id = ?")) {
            ps.setString(1, passwordHash);
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          WebSessions.deleteFor(c, id);
          return null;
        });
  }

  private List<Account> select(String where, Object... args) {
    return store.read(
        "read the accounts",
        c -> {
          List<Account> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM web_account" + where)) {
            for (int i = 0; i < args.length; i++) {
              ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
          }
          return out;
        });
  }

  static Account read(ResultSet rs) throws SQLException {
    return read(rs, 1);
  }

  /** An account from the result's columns {@code first} on, in the order of {@code COLUMNS}. */
  static Account read(ResultSet rs, int first) throws SQLException {
    return new Account(
        rs.getLong(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        rs.getInt(first + 3) == 1,
        rs.getString(first + 4),
        rs.getInt(first + 5) == 1,
        Instant.parse(rs.getString(first + 6)));
  }

  static String normal(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }
}
