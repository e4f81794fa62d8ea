package org.idva.insights.store;

import java.util.List;
import org.idva.insights.model.Finding;

/**
 * What ingesting one return did to the case store.
 *
 * @param returnId the return's id in the store's history (for a duplicate: the id it already had)
 * @param supersededReturnId the return this one replaced, or null
 * @param rowsStored rows written (current, unmatched and conflicting rows)
 * @param casesAdded cases with an intake in this return that the replaced return did not have
 * @param casesReplaced cases this return and the replaced return both carry (their rows replaced)
 * @param casesRemoved cases the replaced return carried and this one does not
 * @param unmatchedRows rows kept aside because their case has no intake anywhere in the store
 * @param findings what the store noticed: rows without an intake, conflicting intakes, fields and
 *     sheets not in the schema (dropped). Each names the file, sheet and row.
 */
public record IngestResult(
    long returnId,
    Outcome outcome,
    Long supersededReturnId,
    int rowsStored,
    int casesAdded,
    int casesReplaced,
    int casesRemoved,
    int unmatchedRows,
    List<Finding> findings) {

  public IngestResult {
    findings = List.copyOf(findings);
  }

  /** What happened to the return as a whole. */
  public enum Outcome {
    /** The first return for its service and quarter: its rows were added. */
    ADDED("added"),
    /** A later return for the service and quarter: it replaced the earlier one's rows. */
    REPLACED("replaced an earlier return"),
    /** The same file (same SHA-256) was ingested before: nothing changed. */
    DUPLICATE("already ingested, nothing changed"),
    /** An older return than the one already current for its quarter: kept in the history only. */
    OUTDATED("older than the current return for its quarter, kept in the history only"),
    /** A rejected return (or one without a quarter): recorded in the history, nothing stored. */
    REJECTED("rejected, recorded in the history, nothing stored");

    private final String description;

    Outcome(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }

    /** True when the store's case data changed. */
    public boolean changedData() {
      return this == ADDED || this == REPLACED;
    }
  }
}
