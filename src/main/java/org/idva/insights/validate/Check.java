package org.idva.insights.validate;

import org.idva.insights.model.Severity;

/**
 * The catalogue of checks: a stable code (what the feedback, the store and docs/checks.md use), a
 * severity, whether it rejects the whole return, and an example message. Never rename a code.
 */
public enum Check {
  // The file
  EMPTY_FILE(Severity.ERROR, true, "The file is empty (0 bytes)."),
  NOT_A_WORKBOOK(Severity.ERROR, true, "The file is not a spreadsheet."),
  CSV_RENAMED(
      Severity.ERROR, true, "The file is comma-separated text (CSV), not an Excel workbook."),
  ODS_RENAMED(
      Severity.ERROR, true, "The file is an OpenDocument spreadsheet (.ods) renamed .xlsx."),
  CORRUPT_FILE(Severity.ERROR, true, "The file is damaged or incomplete and cannot be read."),
  PASSWORD_PROTECTED(Severity.ERROR, true, "The workbook is protected with a password to open."),
  FILE_TOO_LARGE(
      Severity.ERROR, true, "Part xl/worksheets/sheet1.xml expands far beyond any real return."),
  XML_ENTITIES(
      Severity.ERROR, true, "Part xl/workbook.xml declares a DOCTYPE or entities (not allowed)."),
  EMPTY_WORKBOOK(Severity.ERROR, true, "The workbook has no data on any sheet."),
  FILE_NAME_UNEXPECTED(Severity.NOTICE, false, "The file name is not like SVC01_2022-23-Q1.xlsx."),
  // The About sheet
  ABOUT_MISSING(Severity.ERROR, true, "There is no About sheet."),
  ABOUT_VALUE_MISSING(Severity.ERROR, true, "About sheet: Service code is blank."),
  ABOUT_FILE_NAME_MISMATCH(
      Severity.QUERY,
      false,
      "About sheet says SVC02, 2022-23 Q2 but the file is named SVC01_2022-23-Q1.xlsx."),
  UNKNOWN_SERVICE(
      Severity.ERROR, true, "Service code SVC10 is not one of the registered services."),
  NOT_SENDERS_SERVICE(
      Severity.ERROR,
      true,
      "The return is for SVC02, but the sender is registered for SVC01 only."),
  UNKNOWN_TEMPLATE_VERSION(
      Severity.ERROR, true, "Template version 2019.1 is not the current version 2023.1."),
  // Sheets and headers
  MISSING_SHEET(Severity.ERROR, true, "Sheet Exit is missing."),
  UNKNOWN_SHEET(Severity.NOTICE, false, "Sheet Notes is not part of the return and was not read."),
  HIDDEN_SHEET(Severity.QUERY, false, "Sheet Review is hidden; its rows were read."),
  HEADER_ROW_NOT_FOUND(
      Severity.ERROR, true, "Sheet Intake: no header row found in the first 20 rows."),
  HEADER_NOT_IN_FIRST_ROW(
      Severity.NOTICE, false, "Sheet Intake: the header is in row 3; rows above were not read."),
  MERGED_HEADER_CELLS(Severity.QUERY, false, "Sheet Intake: header cells B1:C1 are merged."),
  HEADER_MATCHED(
      Severity.NOTICE, false, "Column B header 'case reference' was read as 'Case ref'."),
  MISSING_REQUIRED_COLUMN(
      Severity.ERROR, true, "Sheet Intake: required column 'Case ref' is missing."),
  MISSING_COLUMN(
      Severity.QUERY,
      false,
      "Sheet Intake: column 'Client age' is missing; answers read as Missing."),
  UNKNOWN_COLUMN(
      Severity.QUERY,
      false,
      "Sheet Intake: column 'Notes' is not in the template and was not read."),
  DUPLICATE_COLUMN(Severity.ERROR, true, "Sheet Intake: columns C and F both hold 'Intake date'."),
  PERSONAL_DATA_COLUMN(
      Severity.ERROR,
      true,
      "Sheet Intake: column 'Client name' looks like personal data (name); it is never stored."),
  // Rows and values
  BLANK_ROW(Severity.NOTICE, false, "Sheet Intake: rows 12 to 14 are blank and were skipped."),
  TYPE_ERROR(Severity.ERROR, false, "Intake date 'next week' is not a date."),
  INVALID_IDENTIFIER(
      Severity.ERROR,
      false,
      "Case ref 'Jane Smith 1' is not a reference (letters, digits, - _ /)."),
  CODE_NOT_IN_LIST(
      Severity.ERROR, false, "Referral route 'Polise' is not in the list; did you mean 'Police'?"),
  CODE_LABEL_TOLERATED(Severity.NOTICE, false, "Referral route 'police ' was read as 'Police'."),
  REQUIRED_MISSING(Severity.ERROR, false, "Intake date is required but blank."),
  NOT_APPLICABLE_ANSWER(
      Severity.QUERY,
      false,
      "Disability type is answered but disability is not Yes; the answer was not used."),
  OUT_OF_RANGE(Severity.ERROR, false, "Client age 140 is outside 16 to 110."),
  DUPLICATE_CASE_REF(
      Severity.ERROR,
      false,
      "Case ref C001 appears again (first in row 5); this row was not used."),
  NO_INTAKE(
      Severity.QUERY,
      false,
      "Case ref C404 has no intake in this return or earlier returns; the row is kept aside"
          + " until its intake arrives."),
  EXIT_BEFORE_INTAKE(
      Severity.QUERY,
      false,
      "Exit date 01/03/2022 is before the intake date 05/04/2022; the case length is reported"
          + " under Errors until corrected."),
  DATE_OUTSIDE_QUARTER(
      Severity.QUERY,
      false,
      "Review date 02/01/2023 is outside 2022-23 Q1 (01/04/2022-30/06/2022)."),
  MORE_FINDINGS(
      Severity.NOTICE, false, "1,234 more CODE_NOT_IN_LIST findings on sheet Intake not listed.");

  private final Severity severity;
  private final boolean rejects;
  private final String example;

  Check(Severity severity, boolean rejects, String example) {
    this.severity = severity;
    this.rejects = rejects;
    this.example = example;
  }

  public Severity severity() {
    return severity;
  }

  /** Whether a finding of this check rejects the whole return (nothing used). */
  public boolean rejects() {
    return rejects;
  }

  public String example() {
    return example;
  }

  public String code() {
    return name();
  }

  /** A short title for summaries: {@code Code not in list}. */
  public String title() {
    return switch (this) {
      case CSV_RENAMED -> "CSV file renamed .xlsx";
      case ODS_RENAMED -> "ODS file renamed .xlsx";
      case XML_ENTITIES -> "XML entities declared";
      case ABOUT_MISSING -> "About sheet missing";
      case ABOUT_VALUE_MISSING -> "About sheet value missing";
      case ABOUT_FILE_NAME_MISMATCH -> "About sheet disagrees with file name";
      case NOT_APPLICABLE_ANSWER -> "Answer given where the question does not apply";
      case NO_INTAKE -> "No intake for this case";
      default -> {
        String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
      }
    };
  }

  /** The check with this code, if any. */
  public static java.util.Optional<Check> ofCode(String code) {
    for (Check c : values()) {
      if (c.name().equals(code)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
