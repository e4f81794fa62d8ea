-- Explanations of queries (issue 14): a service says an answer that was queried is right, and why.
-- Keyed by the answer explained (service, sheet, case, question, value), not by a return, so the
-- explanation stays with the same answer in later resubmissions and no longer applies once the
-- value changes. Recording one again for the same answer replaces it.
CREATE TABLE query_explanation (
  service      TEXT NOT NULL,
  sheet        TEXT NOT NULL,
  case_ref     TEXT NOT NULL,
  field        TEXT NOT NULL,
  answer       TEXT NOT NULL,
  explanation  TEXT NOT NULL,
  explained_by TEXT NOT NULL,
  channel      TEXT NOT NULL,
  explained_at TEXT NOT NULL,
  PRIMARY KEY (service, sheet, case_ref, field, answer)
);
