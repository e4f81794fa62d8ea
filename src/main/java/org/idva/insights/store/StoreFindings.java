package org.idva.insights.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.SheetDefinition;

/**
 * The findings the store adds while ingesting a return, as values for the service's feedback. Case
 * references only: never another value of a row. Columns and sheets that are not in the schema are
 * reported once per sheet and name, with the first row they were seen on and a count.
 */
final class StoreFindings {
  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern(
          "d MMMM uuuu 'at' HH:mm 'UTC'", java.util.Locale.UK);

  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Dropped> dropped = new LinkedHashMap<>();

  List<Finding> list() {
    List<Finding> all = new ArrayList<>(findings);
    for (Dropped d : dropped.values()) {
      all.add(d.finding());
    }
    return all;
  }

  void duplicateFile(ReturnInfo info, StoredReturn same) {
    findings.add(
        new Finding(
            Severity.NOTICE,
            "RETURN_ALREADY_INGESTED",
            SourceLocation.ofFile(info.fileName()),
            "the same file, byte for byte, as one already received",
            "a file not received before",
            "Nothing to do: this exact file was received on "
                + WHEN.format(same.ingested().atZone(java.time.ZoneOffset.UTC))
                + " as "
                + same.fileName()
                + (same.quarter() == null ? "" : " (" + same.quarter() + ")")
                + "; the store is unchanged."));
  }

  void noQuarter(ReturnInfo info) {
    findings.add(
        new Finding(
            Severity.ERROR,
            "NO_QUARTER",
            SourceLocation.ofFile(info.fileName()),
            "",
            "the reporting quarter of the return, e.g. 2022-23 Q1, on the About sheet",
            "Fill in the quarter and send the return again; nothing of this file was stored."));
  }

  void olderReturn(ReturnInfo info, StoredReturn current) {
    findings.add(
        new Finding(
            Severity.QUERY,
            "OLDER_THAN_CURRENT_RETURN",
            SourceLocation.ofFile(info.fileName()),
            "received " + info.received(),
            "a return received after "
                + current.received()
                + " (when "
                + current.fileName()
                + " for "
                + current.quarter()
                + " was received)",
            "This return is older than the one already used for "
                + current.quarter()
                + ", so it was kept in the history only. If it is the correct one, send it again"
                + " as a new file."));
  }

  void noIntake(ReturnInfo info, SourceLocation at, SheetDefinition sheet, String caseRef) {
    findings.add(
        new Finding(
            Severity.QUERY,
            "NO_INTAKE_FOR_CASE",
            at,
            caseRef,
            "an Intake form for case "
                + caseRef
                + " in this or an earlier return of service "
                + info.service(),
            "Check the case ref on this "
                + sheet.title()
                + " row, or send the case's Intake form; until then the row is kept aside and"
                + " not counted."));
  }

  void intakeAlreadyStored(ReturnInfo info, SourceLocation at, String caseRef, String where) {
    findings.add(
        new Finding(
            Severity.QUERY,
            "INTAKE_ALREADY_STORED",
            at,
            caseRef,
            "one Intake form per case; case " + caseRef + " already has one from " + where,
            "If this is a new referral, give it a new case ref; if it corrects the earlier intake,"
                + " resend the return for that quarter. This row is kept aside and not counted."));
  }

  void conflictingIntake(ReturnInfo info, SourceLocation at, String caseRef, SourceLocation first) {
    findings.add(
        new Finding(
            Severity.QUERY,
            "CONFLICTING_INTAKE",
            at,
            caseRef,
            "one Intake row per case; case "
                + caseRef
                + " already has a different Intake row at "
                + first.describe(),
            "Keep one of the two rows (or give one a new case ref) and resend the return. The"
                + " first row is counted; this one is kept aside."));
  }

  void repeatedIntake(ReturnInfo info, SourceLocation at, String caseRef, SourceLocation first) {
    findings.add(
        new Finding(
            Severity.NOTICE,
            "REPEATED_INTAKE_ROW",
            at,
            caseRef,
            "one Intake row per case",
            "This row repeats " + first.describe() + " exactly; it was stored once."));
  }

  void fieldNotStored(ReturnInfo info, SourceLocation at, SheetDefinition sheet, String key) {
    dropped.computeIfAbsent(
            sheet.ref() + "\u0000" + key,
            k ->
                new Dropped(
                    "FIELD_NOT_STORED",
                    at,
                    key,
                    "a field of the " + sheet.title() + " sheet (see the data dictionary)",
                    "Column values not in the form definitions are not stored; remove the column"
                        + " from future returns."))
        .count++;
  }

  void sheetNotStored(ReturnInfo info, SourceLocation at, String sheetRef) {
    dropped.computeIfAbsent(
            "\u0000sheet\u0000" + sheetRef,
            k ->
                new Dropped(
                    "SHEET_NOT_STORED",
                    SourceLocation.ofSheet(at.file(), at.sheet()),
                    sheetRef,
                    "a sheet of the return template",
                    "Rows of sheets not in the form definitions are not stored; remove the sheet"
                        + " from future returns."))
        .count++;
  }

  void otherService(ReturnInfo info, SourceLocation at, String rowService) {
    findings.add(
        new Finding(
            Severity.ERROR,
            "ROW_OF_OTHER_SERVICE",
            at,
            rowService,
            "rows of service " + info.service() + " only",
            "A return carries one service's cases; this row was not stored."));
  }

  void noCaseRef(ReturnInfo info, SourceLocation at, SheetDefinition sheet, String caseField) {
    findings.add(
        new Finding(
            Severity.ERROR,
            "NO_CASE_REF",
            at,
            "",
            "a case ref on every " + sheet.title() + " row",
            "Fill in the case ref; the row was not stored."));
  }

  /** Values dropped for data minimisation, reported once per sheet and name. */
  private static final class Dropped {
    final String code;
    final SourceLocation first;
    final String name;
    final String expected;
    final String fix;
    int count;

    Dropped(String code, SourceLocation first, String name, String expected, String fix) {
      this.code = code;
      this.first = first;
      this.name = name;
      this.expected = expected;
      this.fix = fix;
    }

    Finding finding() {
      String rows = count == 1 ? "1 row" : count + " rows, first shown";
      return new Finding(
          Severity.NOTICE, code, first, name + " (" + rows + ")", expected, "Dropped: " + fix);
    }
  }
}
