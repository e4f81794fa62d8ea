package org.idva.insights.store;

import org.idva.insights.model.FormRow;

/**
 * A row as the store holds it: the row with its provenance, the return it came from and its state.
 *
 * @param state {@code current} (counted), {@code unmatched} (no intake for its case anywhere) or
 *     {@code conflict} (a second, different intake for its case)
 */
public record StoredRow(FormRow row, long returnId, String state) {}
