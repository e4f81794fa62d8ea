package org.idva.insights.model;

import java.util.List;

/**
 * A return after the checks: its status, every finding, and the rows fit to store (rows with errors
 * are left out; a rejected return has none).
 */
public record CheckedReturn(
    ReturnInfo info, ReturnStatus status, List<Finding> findings, List<FormRow> rows) {

  public CheckedReturn {
    findings = List.copyOf(findings);
    rows = List.copyOf(rows);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
