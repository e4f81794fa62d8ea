package org.idva.insights.model;

import java.util.List;

/**
 * The layout of the Issues sheet of a checked workbook, shared by the writer (render) and the
 * reader that takes a service's explanations from a checked workbook sent back as a return.
 */
public final class IssuesSheet {
  private IssuesSheet() {}

  /** The sheet's name, first in the checked workbook. */
  public static final String NAME = "Issues";

  public static final String SEVERITY = "Severity";
  public static final String SHEET = "Sheet";
  public static final String CELL = "Cell";
  public static final String CASE_REF = "Case ref";
  public static final String QUESTION = "Question";
  public static final String PROBLEM = "Problem";
  public static final String FOUND = "Found";
  public static final String EXPECTED = "Expected";
  public static final String FIX = "How to put it right";
  public static final String EXPLANATION = "Your explanation";
  public static final String CODE = "Check code";

  /** The list's columns, in order: the check code last, for the analyst. */
  public static final List<String> COLUMNS =
      List.of(
          SEVERITY,
          SHEET,
          CELL,
          CASE_REF,
          QUESTION,
          PROBLEM,
          FOUND,
          EXPECTED,
          FIX,
          EXPLANATION,
          CODE);

  /** The severity shown for a query (the rows a service can explain). */
  public static final String QUERY = "Query";

  /** The severity shown for a query the service has explained. */
  public static final String EXPLAINED = "Explained";

  /**
   * What the explanation cell of an explained query shows: the explanation itself is not echoed (it
   * is free text), and this text read back is not a new explanation.
   */
  public static final String KEPT =
      "Explained: your explanation is kept with this query. Type over this to change it.";
}
