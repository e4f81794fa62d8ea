package org.idva.insights.validate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What earlier returns already told us about a service's cases: review, exit and justice rows of
 * cases opened in an earlier quarter join to an intake held in the store. The cli wires the store
 * in; {@link #NONE} knows nothing.
 */
public interface KnownCases {
  KnownCases NONE = (service, caseRef) -> false;

  boolean hasIntake(String service, String caseRef);

  /** The intake date of a stored case, when known. */
  default Optional<LocalDate> intakeDate(String service, String caseRef) {
    return Optional.empty();
  }
}
