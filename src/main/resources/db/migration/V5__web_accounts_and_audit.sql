-- The returns web page (issue 19): accounts, sessions, each upload with its findings, and the audit
-- log. Portable SQL (SQLite and PostgreSQL); ids are assigned by the application under the store's
-- write lock, as in V1.

-- Who may sign in: a service lead (service set) or the analyst (analyst = 1, service NULL).
-- password_hash: pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>.
CREATE TABLE web_account (
  account_id    BIGINT  NOT NULL PRIMARY KEY,
  email         TEXT    NOT NULL,
  service       TEXT,
  analyst       INTEGER NOT NULL,
  password_hash TEXT    NOT NULL,
  disabled      INTEGER NOT NULL,
  created       TEXT    NOT NULL,
  CONSTRAINT web_account_email UNIQUE (email)
);

-- A signed-in browser: only the SHA-256 of the cookie's session id is kept.
CREATE TABLE web_session (
  token_hash TEXT   NOT NULL PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES web_account (account_id),
  csrf_token TEXT   NOT NULL,
  created    TEXT   NOT NULL,
  last_seen  TEXT   NOT NULL
);

-- Each return uploaded on the web page and what the pipeline answered.
CREATE TABLE web_upload (
  upload_id        BIGINT  NOT NULL PRIMARY KEY,
  service          TEXT    NOT NULL,
  quarter          TEXT,
  account_email    TEXT    NOT NULL,
  file_name        TEXT    NOT NULL,
  sha256           TEXT,
  received         TEXT    NOT NULL,
  status           TEXT    NOT NULL,
  merge_outcome    TEXT    NOT NULL,
  refused          INTEGER NOT NULL,
  error_count      INTEGER NOT NULL,
  query_count      INTEGER NOT NULL,
  checked_workbook TEXT
);

CREATE INDEX web_upload_service ON web_upload (service, quarter);

-- The findings of an upload, each with the case and question it is about (for explanations).
CREATE TABLE web_upload_finding (
  upload_id BIGINT  NOT NULL REFERENCES web_upload (upload_id),
  seq       INTEGER NOT NULL,
  severity  TEXT    NOT NULL,
  code      TEXT    NOT NULL,
  sheet     TEXT,
  row_no    INTEGER NOT NULL,
  col_no    INTEGER NOT NULL,
  found     TEXT,
  expected  TEXT,
  fix       TEXT,
  case_ref  TEXT,
  field     TEXT,
  PRIMARY KEY (upload_id, seq)
);

-- Every sign-in (and failed one), upload, download, explanation and account change.
CREATE TABLE audit_event (
  event_id BIGINT NOT NULL PRIMARY KEY,
  at       TEXT   NOT NULL,
  actor    TEXT   NOT NULL,
  address  TEXT   NOT NULL,
  action   TEXT   NOT NULL,
  service  TEXT,
  detail   TEXT   NOT NULL
);
