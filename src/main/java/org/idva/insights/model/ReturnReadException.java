package org.idva.insights.model;

import java.io.IOException;

/**
 * Thrown by the reader when a file cannot be opened as a return: a value the checks turn into a
 * finding.
 */
public class ReturnReadException extends IOException {
  private static final long serialVersionUID = 1L;
  private final ReadProblem problem;

  public ReturnReadException(ReadProblem problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  public ReturnReadException(ReadProblem problem, String detail, Throwable cause) {
    super(detail, cause);
    this.problem = problem;
  }

  public ReadProblem problem() {
    return problem;
  }
}
