package org.idva.insights.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.SourceLocation;

/** Small hand-made returns for the store's tests, built row by row in the schema's terms. */
final class TestReturns {
  static final ReportingQuarter Q1_2022 = new ReportingQuarter(2022, 1);
  static final ReportingQuarter Q2_2022 = new ReportingQuarter(2022, 2);
  static final ReportingQuarter Q2_2023 = new ReportingQuarter(2023, 2);

  private final String service;
  private final ReportingQuarter quarter;
  private final String file;
  private final List<FormRow> rows = new ArrayList<>();
  private final Map<String, Integer> nextRow = new LinkedHashMap<>();
  private Instant received;
  private ReturnStatus status = ReturnStatus.ACCEPTED;
  private String content = "";

  private TestReturns(String service, ReportingQuarter quarter, String version) {
    this.service = service;
    this.quarter = quarter;
    this.file = service + "_" + quarter.fileLabel() + version + ".xlsx";
    this.received =
        quarter.lastDay().plusDays(5).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
  }

  static TestReturns of(String service, ReportingQuarter quarter) {
    return new TestReturns(service, quarter, "");
  }

  static TestReturns of(String service, ReportingQuarter quarter, String version) {
    return new TestReturns(service, quarter, version);
  }

  TestReturns receivedDaysLater(int days) {
    received = received.plusSeconds(86_400L * days);
    return this;
  }

  TestReturns status(ReturnStatus s) {
    status = s;
    return this;
  }

  TestReturns intake(String caseRef, String clientRef) {
    return row(
        "intake",
        "Intake",
        Map.of(
            "case_ref", caseRef,
            "client_ref", clientRef,
            "intake_date", quarter.firstDay().plusDays(3)));
  }

  TestReturns intake(String caseRef, String clientRef, LocalDate date) {
    return row(
        "intake",
        "Intake",
        Map.of("case_ref", caseRef, "client_ref", clientRef, "intake_date", date));
  }

  TestReturns child(String caseRef, long childNo) {
    return row("intake.children", "Children", Map.of("case_ref", caseRef, "child_no", childNo));
  }

  TestReturns exit(String caseRef) {
    return row("exit", "Exit", Map.of("case_ref", caseRef, "exit_date", quarter.lastDay()));
  }

  TestReturns review(String caseRef, long reviewNo) {
    return row(
        "review",
        "Review",
        Map.of("case_ref", caseRef, "review_no", reviewNo, "review_date", quarter.lastDay()));
  }

  TestReturns row(String sheetRef, String sheetName, Map<String, Object> values) {
    return rowOf(service, sheetRef, sheetName, values);
  }

  TestReturns rowOf(String rowService, String sheetRef, String sheetName, Map<String, Object> v) {
    int excelRow = nextRow.merge(sheetRef, 1, Integer::sum) + 1;
    rows.add(
        new FormRow(
            rowService,
            sheetRef,
            new SourceLocation(file, sheetName, excelRow, SourceLocation.NONE),
            v));
    content += sheetRef + v + ";";
    return this;
  }

  String fileName() {
    return file;
  }

  CheckedReturn build() {
    String sha = SyntheticReturns.sha256(file + "|" + status + "|" + received + "|" + content);
    return new CheckedReturn(
        new ReturnInfo(file, service, quarter, sha, received), status, List.of(), rows);
  }
}
