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
 */
public record Finding(
    Severity severity,
    String code,
    SourceLocation location,
    String found,
    String expected,
    String fix) {}
