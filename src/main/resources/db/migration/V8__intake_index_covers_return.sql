-- Each ingest reads the service's current intakes with the return that holds each
-- (ReturnIngest.currentIntakes). With the return in the index the read is the index alone, not a
-- look-up of every intake's row: at ten times the sample those reads took 2.4 s of a run's 12 s of
-- merging, one return at a time (docs/performance.md). Every other use of the index is unchanged:
-- its first columns are the same.
DROP INDEX case_row_intake;
CREATE INDEX case_row_intake ON case_row (service, sheet_ref, state, case_ref, return_id);
