package org.idva.insights.model;

/** How serious a finding is. */
public enum Severity {
  /** The row (or the whole return) cannot be used. */
  ERROR,
  /** The row is used; the service is asked to confirm or correct. */
  QUERY,
  /** For information: something was read tolerantly (a header matched by alias...). */
  NOTICE
}
