package org.idva.insights.store;

/** Told as an ingest writes its rows, for a progress bar (or a test that must stop mid-way). */
@FunctionalInterface
public interface IngestProgress {
  IngestProgress NONE = (written, total) -> {};

  /** {@code written} of {@code total} rows have been written (not yet committed). */
  void rowsWritten(int written, int total);
}
