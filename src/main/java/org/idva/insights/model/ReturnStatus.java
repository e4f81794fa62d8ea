package org.idva.insights.model;

/** What happened to a return once checked. */
public enum ReturnStatus {
  /** No errors and no queries. */
  ACCEPTED("Accepted"),
  /** Usable; queries for the service to confirm. */
  ACCEPTED_WITH_QUERIES("Accepted with queries"),
  /**
   * Usable; it had queries and the service explained every one of them (the explanations travel
   * with the return, for the analyst), so nothing is left to do.
   */
  EXPLAINED("Accepted, queries explained"),
  /** Rows with errors left out, the rest kept. */
  PARTIALLY_ACCEPTED("Partially accepted"),
  /**
   * Unreadable or structurally wrong: nothing used, the file quarantined, the last good data kept.
   */
  REJECTED("Rejected");

  private final String label;

  ReturnStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
