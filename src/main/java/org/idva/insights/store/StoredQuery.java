package org.idva.insights.store;

import java.util.Optional;
import org.idva.insights.model.Explanation;

/**
 * A query of a service's current return for a quarter, with the explanation the service gave for
 * its answer, if any.
 *
 * @param field the question's field id (for the analyst; never shown to a service)
 * @param question the question as the form asks it (its header)
 * @param answer the answer queried (the finding's {@code found})
 */
public record StoredQuery(
    String service,
    String quarter,
    String fileName,
    String sheet,
    int row,
    int column,
    String caseRef,
    String field,
    String question,
    String code,
    String answer,
    Optional<Explanation> explanation) {

  public boolean isExplained() {
    return explanation.isPresent();
  }
}
