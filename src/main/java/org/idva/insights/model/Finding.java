package org.idva.insights.model;

/**
 * One problem found in a return, as a value: collected, sorted, written into the service's own
 * workbook and turned into an exit code. Never carries personal data: {@code found} holds the
 * offending cell value only for coded, numeric and date answers, not free text.
 *
 * @param code a stable check code, e.g. {@code CODE_NOT_IN_LIST}
 * @param found what the cell held (may be empty)
 * @param expected what the schema expects, in the service's words
 * @param fix how to put it right
 * @param question the question as the form asks it (its column header), or null for a finding on
 *     the whole file, sheet or row
 * @param caseRef the case ref of the row, or null when the finding is not on one case
 * @param field the schema's id of the question's field, for matching an explanation to it; never
 *     shown to a service
 * @param explanation the service's explanation of this query, or null when it has none
 */
public record Finding(
    Severity severity,
    String code,
    SourceLocation location,
    String found,
    String expected,
    String fix,
    String question,
    String caseRef,
    String field,
    String explanation) {

  /** A finding on no particular question or case. */
  public Finding(
      Severity severity,
      String code,
      SourceLocation location,
      String found,
      String expected,
      String fix) {
    this(severity, code, location, found, expected, fix, null, null, null, null);
  }

  /** This finding with the service's explanation (a query only: an error cannot be explained). */
  public Finding explained(String text) {
    if (severity != Severity.QUERY) {
      throw new IllegalArgumentException("only a query can be explained, not a " + severity);
    }
    return new Finding(
        severity, code, location, found, expected, fix, question, caseRef, field, text);
  }

  /** Whether the service explained this query. */
  public boolean isExplained() {
    return explanation != null && !explanation.isBlank();
  }

  /** Whether this finding still asks something of the service: an error or an unexplained query. */
  public boolean isOpen() {
    return severity == Severity.ERROR || (severity == Severity.QUERY && !isExplained());
  }
}
