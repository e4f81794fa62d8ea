package org.idva.insights.validate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What earlier returns already told us about a service's cases: review, exit and justice rows of
 * cases opened in an earlier quarter join to an intake held in the store. The cli wires the store
 * in; {@link #NONE} knows nothing.
 */
public interface KnownCases {
  KnownCases NONE = (service, caseRef) -> false;

  boolean hasIntake(String service, String caseRef);

  /**
   * Told once per return, as soon as its About sheet is read and before any row is checked, which
   * services the return may be for: its About sheet's and its file name's (either may be null). A
   * store shared by returns checked side by side uses it to let other services' returns go on.
   * Nothing by default.
   */
  default void returnMayBeFor(List<String> services) {}

  /**
   * What the checks of one return ask: a view that may read once what cannot change while that
   * return is checked (the store's intakes of its service, as returns of one service take turns).
   * Itself by default.
   */
  default KnownCases forOneReturn() {
    return this;
  }

  /** The intake date of a stored case, when known. */
  default Optional<LocalDate> intakeDate(String service, String caseRef) {
    return Optional.empty();
  }
}
