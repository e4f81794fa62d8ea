-- A case's rows (insights case) are found through case_row_intake, whose first column is the
-- service: a search of the service's entries in that index, about 3 ms for the largest service at
-- ten times the sample. Its own index (service, case_ref) cost every ingest its upkeep, about 0.3 s
-- of a 13.5 s run there (docs/performance.md); nothing else used it.
DROP INDEX case_row_case;
