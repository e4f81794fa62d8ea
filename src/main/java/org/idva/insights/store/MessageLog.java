package org.idva.insights.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages received by e-mail and the replies waiting to go out (tables {@code
 * received_message} and {@code outbox_message}): a message is claimed before it is processed, its
 * reply is recorded in the transaction that marks it answered, and sending is a separate step that
 * marks the reply sent. So a crash at any point, a second poll or a second poller neither drops a
 * message nor processes or answers it twice.
 */
public final class MessageLog {
  /** Where a received message is. */
  public enum State {
    /** Claimed by a poller and being processed (or left so by a crash). */
    RECEIVED,
    /** Processed; its reply (if any) is in the outbox. */
    ANSWERED,
    /** Answered and moved to its folder (or flagged) in the mailbox. */
    FILED
  }

  /** What {@link #claim} found. */
  public enum Claim {
    /** First time seen: now claimed, process it. */
    NEW,
    /** Claimed before by this holder, or by one whose claim went stale (a crash): process it. */
    RESUMED,
    /** Another poller is processing it now: leave it alone. */
    TAKEN,
    /** Already processed: only file it. */
    DONE
  }

  /** One received message as recorded. */
  public record Entry(
      String key,
      String channel,
      Instant received,
      String archived,
      State state,
      String claimedBy,
      Instant claimedAt,
      String service,
      String outcome) {}

  /** A reply in the outbox: the .eml file to send, to whom, and whether it went. */
  public record Reply(
      String key, String recipient, String file, Instant queuedAt, Instant sentAt, int attempts) {}

  private final CaseStore store;

  MessageLog(CaseStore store) {
    this.store = store;
  }

  /** The message with this key, if it was ever received. */
  public Optional<Entry> find(String key) {
    String sql =
        "SELECT message_key, channel, received, archived, state, claimed_by, claimed_at, service,"
            + " outcome FROM received_message WHERE message_key = ?";
    try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Entry(
                rs.getString(1),
                rs.getString(2),
                Instant.parse(rs.getString(3)),
                rs.getString(4),
                State.valueOf(rs.getString(5).toUpperCase(java.util.Locale.ROOT)),
                rs.getString(6),
                Instant.parse(rs.getString(7)),
                rs.getString(8),
                rs.getString(9)));
      }
    } catch (SQLException e) {
      throw store.failure(e, "look up a received message");
    }
  }

  /**
   * Claims a message for processing by {@code holder}, in one transaction under the store's write
   * lock. A message claimed by another holder less than {@code staleAfter} ago is {@link
   * Claim#TAKEN}; an older claim is taken over (its poller crashed).
   */
  public Claim claim(
      String key,
      String channel,
      Instant received,
      String archived,
      String holder,
      Instant now,
      Duration staleAfter) {
    try {
      store.begin();
      Optional<Entry> known = find(key);
      Claim claim;
      if (known.isEmpty()) {
        try (PreparedStatement ps =
            store
                .connection()
                .prepareStatement(
                    "INSERT INTO received_message (message_key, channel, received, archived,"
                        + " state, claimed_by, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, key);
          ps.setString(2, channel);
          ps.setString(3, received.toString());
          ps.setString(4, archived);
          ps.setString(5, name(State.RECEIVED));
          ps.setString(6, holder);
          ps.setString(7, now.toString());
          ps.executeUpdate();
        }
        claim = Claim.NEW;
      } else if (known.get().state() != State.RECEIVED) {
        claim = Claim.DONE;
      } else if (!known.get().claimedBy().equals(holder)
          && known.get().claimedAt().plus(staleAfter).isAfter(now)) {
        claim = Claim.TAKEN;
      } else {
        try (PreparedStatement ps =
            store
                .connection()
                .prepareStatement(
                    "UPDATE received_message SET claimed_by = ?, claimed_at = ? WHERE message_key"
                        + " = ?")) {
          ps.setString(1, holder);
          ps.setString(2, now.toString());
          ps.setString(3, key);
          ps.executeUpdate();
        }
        claim = Claim.RESUMED;
      }
      store.commit();
      return claim;
    } catch (SQLException e) {
      store.rollbackQuietly();
      throw store.failure(e, "claim a received message");
    }
  }

  /**
   * Marks a claimed message answered and puts its reply (or none) in the outbox, in one
   * transaction. Returns false, changing nothing, when {@code holder} no longer holds the claim.
   *
   * @param reply the reply to send, or null when nothing goes back
   */
  public boolean answer(
      String key, String holder, String service, String outcome, Reply reply, Instant now) {
    try {
      store.begin();
      int updated;
      try (PreparedStatement ps =
          store
              .connection()
              .prepareStatement(
                  "UPDATE received_message SET state = ?, service = ?, outcome = ?, answered_at"
                      + " = ? WHERE message_key = ? AND state = ? AND claimed_by = ?")) {
        ps.setString(1, name(State.ANSWERED));
        ps.setString(2, service);
        ps.setString(3, outcome);
        ps.setString(4, now.toString());
        ps.setString(5, key);
        ps.setString(6, name(State.RECEIVED));
        ps.setString(7, holder);
        updated = ps.executeUpdate();
      }
      if (updated == 1 && reply != null) {
        try (PreparedStatement ps =
            store
                .connection()
                .prepareStatement(
                    "INSERT INTO outbox_message (message_key, recipient, file, queued_at,"
                        + " attempts) VALUES (?, ?, ?, ?, 0)")) {
          ps.setString(1, key);
          ps.setString(2, reply.recipient());
          ps.setString(3, reply.file());
          ps.setString(4, now.toString());
          ps.executeUpdate();
        }
      }
      store.commit();
      return updated == 1;
    } catch (SQLException e) {
      store.rollbackQuietly();
      throw store.failure(e, "record the answer to a received message");
    }
  }

  /** Marks an answered message filed in its mailbox folder. */
  public void filed(String key, Instant now) {
    update(
        "UPDATE received_message SET state = ?, filed_at = ? WHERE message_key = ?",
        "file a received message",
        name(State.FILED),
        now.toString(),
        key);
  }

  /** The replies not sent yet, oldest first. */
  public List<Reply> unsent() {
    return replies("WHERE sent_at IS NULL ORDER BY queued_at, message_key");
  }

  /** The reply to a message, if one was queued. */
  public Optional<Reply> reply(String key) {
    try (PreparedStatement ps =
        store.connection().prepareStatement(REPLY_SELECT + " WHERE message_key = ?")) {
      ps.setString(1, key);
      return readReplies(ps).stream().findFirst();
    } catch (SQLException e) {
      throw store.failure(e, "read the outbox");
    }
  }

  /** Marks a reply sent. */
  public void sent(String key, Instant now) {
    update(
        "UPDATE outbox_message SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE"
            + " message_key = ?",
        "mark a reply sent",
        now.toString(),
        key);
  }

  /** Records a failed attempt to send a reply; it stays in the outbox. */
  public void sendFailed(String key, String error) {
    update(
        "UPDATE outbox_message SET attempts = attempts + 1, last_error = ? WHERE message_key = ?",
        "record a failed send",
        error,
        key);
  }

  private static final String REPLY_SELECT =
      "SELECT message_key, recipient, file, queued_at, sent_at, attempts FROM outbox_message";

  private List<Reply> replies(String where) {
    try (PreparedStatement ps = store.connection().prepareStatement(REPLY_SELECT + " " + where)) {
      return readReplies(ps);
    } catch (SQLException e) {
      throw store.failure(e, "read the outbox");
    }
  }

  private static List<Reply> readReplies(PreparedStatement ps) throws SQLException {
    List<Reply> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String sent = rs.getString(5);
        out.add(
            new Reply(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.parse(rs.getString(4)),
                sent == null ? null : Instant.parse(sent),
                rs.getInt(6)));
      }
    }
    return out;
  }

  private void update(String sql, String doing, String... values) {
    try {
      store.begin();
      try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
        for (int i = 0; i < values.length; i++) {
          ps.setString(i + 1, values[i]);
        }
        ps.executeUpdate();
      }
      store.commit();
    } catch (SQLException e) {
      store.rollbackQuietly();
      throw store.failure(e, doing);
    }
  }

  private static String name(State s) {
    return s.name().toLowerCase(java.util.Locale.ROOT);
  }
}
