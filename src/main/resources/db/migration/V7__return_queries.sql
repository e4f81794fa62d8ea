-- The queries of each return (issue 14), so the analyst can list every open and explained query
-- across returns (insights queries) and count them per service. One row per query on one answer of
-- one case; whether it is explained is read from query_explanation by the same key (service, sheet,
-- case_ref, field, answer), so an explanation given later (on the web page, or in a later return)
-- counts at once. Only the queries of a service's current return for a quarter are listed.
CREATE TABLE return_query (
  return_id     BIGINT  NOT NULL REFERENCES store_return (return_id),
  seq           INTEGER NOT NULL,
  service       TEXT    NOT NULL,
  sheet         TEXT    NOT NULL,
  source_row    INTEGER NOT NULL,
  source_column INTEGER NOT NULL,
  case_ref      TEXT    NOT NULL,
  field         TEXT    NOT NULL,
  question      TEXT    NOT NULL,
  code          TEXT    NOT NULL,
  answer        TEXT    NOT NULL,
  PRIMARY KEY (return_id, seq)
);

CREATE INDEX return_query_service ON return_query (service, return_id);
