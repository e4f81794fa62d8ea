-- Messages received by e-mail (issue 16) and the replies waiting to go out: nothing lost, nothing
-- twice. A message is known by its key (SHA-256 of its Message-ID, or of the raw message when it
-- has none), so a second poll, a second poller or a restart after a crash never processes it again.
-- state: received (claimed, being processed), answered (its reply is in the outbox, recorded in the
-- same transaction), filed (moved to the Processed or Rejected folder, or flagged there).
CREATE TABLE received_message (
  message_key  TEXT NOT NULL PRIMARY KEY,
  channel      TEXT NOT NULL,
  received     TEXT NOT NULL,
  archived     TEXT NOT NULL,
  state        TEXT NOT NULL,
  claimed_by   TEXT NOT NULL,
  claimed_at   TEXT NOT NULL,
  service      TEXT,
  outcome      TEXT,
  answered_at  TEXT,
  filed_at     TEXT
);

-- The reply to a received message: written as an .eml file under output/outbox/ and recorded here
-- in the transaction that marks the message answered; sending is a separate, repeatable step that
-- sets sent_at. At most one reply per message.
CREATE TABLE outbox_message (
  message_key  TEXT NOT NULL PRIMARY KEY REFERENCES received_message (message_key),
  recipient    TEXT NOT NULL,
  file         TEXT NOT NULL,
  queued_at    TEXT NOT NULL,
  sent_at      TEXT,
  attempts     INTEGER NOT NULL,
  last_error   TEXT
);

CREATE INDEX outbox_message_unsent ON outbox_message (sent_at);
