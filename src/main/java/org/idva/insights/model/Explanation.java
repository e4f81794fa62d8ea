package org.idva.insights.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A service's explanation of a query: the answer is right and here is why. It belongs to the answer
 * it explains, not to one return: the same case, question and value in a later resubmission stays
 * explained; a changed value is queried afresh.
 *
 * @param service the service code
 * @param sheet the return sheet the question is on (e.g. {@code Intake})
 * @param caseRef the case reference as the service wrote it
 * @param field the question's field id (internal: for the store and the analyst, never shown to a
 *     service)
 * @param value the answer as it was explained (the finding's {@code found})
 * @param text the explanation, as the service typed it
 * @param by who gave it (an e-mail address or account)
 * @param channel how it came (folder, mail, web)
 * @param at when it was recorded
 */
public record Explanation(
    String service,
    String sheet,
    String caseRef,
    String field,
    String value,
    String text,
    String by,
    String channel,
    Instant at) {
  public Explanation {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(sheet, "sheet");
    Objects.requireNonNull(caseRef, "caseRef");
    Objects.requireNonNull(field, "field");
    value = value == null ? "" : value;
    Objects.requireNonNull(text, "text");
    by = by == null ? "" : by;
    channel = channel == null ? "" : channel;
    Objects.requireNonNull(at, "at");
  }

  /** True when this explains the given answer. */
  public boolean explains(String sheet, String caseRef, String field, String value) {
    return this.sheet.equals(sheet)
        && this.caseRef.equals(caseRef)
        && this.field.equals(field)
        && this.value.equals(value == null ? "" : value);
  }
}
