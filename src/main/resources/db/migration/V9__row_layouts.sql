-- Rows stored from this version on hold their values as a JSON array in the order of a field list
-- kept once per sheet here, not as a JSON object that names every field on every row: the keys were
-- three fifths of the rows' text (docs/performance.md). A layout is never changed once stored; a
-- sheet whose fields change (a question added to a form definition) gets a new one. Rows stored
-- before this version keep their JSON objects and no layout (layout_id NULL), and are read as they
-- are.
CREATE TABLE row_layout (
  layout_id  BIGINT NOT NULL PRIMARY KEY,
  sheet_ref  TEXT   NOT NULL,
  -- the sheet's field ids in the order of the rows' values, as a JSON array
  field_ids  TEXT   NOT NULL
);

ALTER TABLE case_row ADD COLUMN layout_id BIGINT;

-- Nothing looks rows up by client: the index only cost each ingest its upkeep.
DROP INDEX case_row_client;
