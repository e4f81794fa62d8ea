package org.idva.insights.store;

import java.time.Instant;
import org.idva.insights.model.ReturnStatus;

/**
 * A return in the store's history.
 *
 * @param quarter the quarter label ({@code 2022-23 Q1}), or null when it could not be read
 * @param state {@code current}, {@code superseded} or {@code rejected}
 * @param supersededBy the id of the return that replaced it, or null
 */
public record StoredReturn(
    long id,
    String service,
    String quarter,
    String fileName,
    String sha256,
    Instant received,
    Instant ingested,
    ReturnStatus status,
    String state,
    Long supersededBy,
    int errors,
    int queries,
    int notices,
    int rowsStored,
    String findingsSummary) {}
