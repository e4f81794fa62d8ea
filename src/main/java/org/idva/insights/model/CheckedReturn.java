package org.idva.insights.model;

import java.util.List;

/**
 * A return after the checks: its status, every finding, and the rows fit to store (rows with errors
 * are left out; a rejected return has none).
 *
 * @param explanations the explanations of queries the return carries: typed by the service on the
 *     Issues sheet of a checked workbook it sent back as its return (empty for any other return)
 */
public record CheckedReturn(
    ReturnInfo info,
    ReturnStatus status,
    List<Finding> findings,
    List<FormRow> rows,
    List<Explanation> explanations) {

  public CheckedReturn {
    findings = List.copyOf(findings);
    rows = List.copyOf(rows);
    explanations = List.copyOf(explanations);
  }

  public CheckedReturn(
      ReturnInfo info, ReturnStatus status, List<Finding> findings, List<FormRow> rows) {
    this(info, status, findings, rows, List.of());
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** This return with other findings (and the status they give), the rest kept. */
  public CheckedReturn with(ReturnStatus status, List<Finding> findings) {
    return new CheckedReturn(info, status, findings, rows, explanations);
  }
}
