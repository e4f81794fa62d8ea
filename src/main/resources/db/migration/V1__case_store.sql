-- The case store, version 1. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Ids are assigned by the application inside the ingest lock, so no SERIAL/AUTOINCREMENT is needed.

-- Every return ever ingested, current or not: the history.
CREATE TABLE store_return (
  return_id        BIGINT  NOT NULL PRIMARY KEY,
  service          TEXT    NOT NULL,
  quarter          TEXT,
  file_name        TEXT    NOT NULL,
  sha256           TEXT    NOT NULL,
  received         TEXT    NOT NULL,
  ingested         TEXT    NOT NULL,
  status           TEXT    NOT NULL,
  -- current: its rows are the service's data for the quarter; superseded: replaced by a later
  -- return (superseded_by); rejected: recorded only, nothing stored
  state            TEXT    NOT NULL,
  superseded_by    BIGINT,
  error_count      INTEGER NOT NULL,
  query_count      INTEGER NOT NULL,
  notice_count     INTEGER NOT NULL,
  rows_stored      INTEGER NOT NULL,
  findings_summary TEXT    NOT NULL,
  CONSTRAINT store_return_sha256 UNIQUE (sha256)
);

CREATE INDEX store_return_service_quarter ON store_return (service, quarter, state);

-- One row of a return sheet: where it came from and its schema fields' values (JSON, typed by the
-- schema on the way out). state: current (part of the merged case data), unmatched (no intake for
-- its case anywhere: kept aside, reported as a query), conflict (a second, different intake for a
-- case: kept aside, reported).
CREATE TABLE case_row (
  return_id    BIGINT  NOT NULL REFERENCES store_return (return_id),
  seq          INTEGER NOT NULL,
  service      TEXT    NOT NULL,
  sheet_ref    TEXT    NOT NULL,
  case_ref     TEXT    NOT NULL,
  client_ref   TEXT,
  state        TEXT    NOT NULL,
  source_file  TEXT    NOT NULL,
  source_sheet TEXT,
  source_row   INTEGER NOT NULL,
  row_values   TEXT    NOT NULL,
  PRIMARY KEY (return_id, seq)
);

-- a case's rows (insights case), and a service's current intakes (matching rows to their intake)
CREATE INDEX case_row_case ON case_row (service, case_ref);
CREATE INDEX case_row_intake ON case_row (service, sheet_ref, state, case_ref);
-- streaming a sheet's current rows in ingest order (CaseData)
CREATE INDEX case_row_sheet ON case_row (sheet_ref, state, return_id, seq);
CREATE INDEX case_row_client ON case_row (service, client_ref);
