package org.idva.insights.store;

import java.time.Instant;

/**
 * An account of the returns web page.
 *
 * @param service the service a lead signs in for, or null for the analyst
 * @param passwordHash the slow salted hash of the password (never the password)
 */
public record Account(
    long id,
    String email,
    String service,
    boolean analyst,
    String passwordHash,
    boolean disabled,
    Instant created) {

  /** What the account is, for lists: {@code SVC01} or {@code analyst}. */
  public String role() {
    return analyst ? "analyst" : service;
  }
}
