package org.idva.insights.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.pipeline.ReturnStatuses;
import org.idva.insights.store.StoredReturn;
import org.idva.insights.store.Upload;

/** What the page templates show, in words: statuses, next steps, findings, history rows. */
final class Views {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  private Views() {}

  /** One quarter's row on a start page or a cell of the analyst's grid. */
  public record QuarterRow(
      String service,
      String quarter,
      String key,
      String status,
      String tag,
      String next,
      int open,
      int explained,
      boolean overdue) {}

  /** One finding as a service reads it. */
  public record FindingRow(
      int seq,
      String severity,
      String where,
      String caseRef,
      String found,
      String expected,
      String fix,
      String code,
      String field,
      boolean explainable,
      String explanation,
      String explainedBy,
      String explainedAt) {}

  /** One upload with its findings. */
  public record UploadView(
      long id,
      String service,
      String quarter,
      String fileName,
      String received,
      String status,
      String tag,
      String merge,
      boolean refused,
      int errors,
      int queries,
      boolean hasChecked,
      List<FindingRow> findings) {}

  /** One return of a quarter's history. */
  public record HistoryRow(
      String received, String fileName, String status, String counts, Long uploadId) {}

  static String when(java.time.Instant at) {
    return at == null ? "" : WHEN.format(at);
  }

  /** The status in the words of the start page. */
  static String label(ReturnStatus s) {
    if (s == null) {
      return "Not yet received";
    }
    return switch (s) {
      case ACCEPTED -> "Accepted";
      case ACCEPTED_WITH_QUERIES -> "Accepted with queries";
      case EXPLAINED -> "Explained";
      case PARTIALLY_ACCEPTED -> "Needs correcting";
      case REJECTED -> "Rejected";
    };
  }

  /** A colour class for the status tag. */
  static String tag(ReturnStatus s) {
    if (s == null) {
      return "grey";
    }
    return switch (s) {
      case ACCEPTED, EXPLAINED -> "green";
      case ACCEPTED_WITH_QUERIES -> "yellow";
      case PARTIALLY_ACCEPTED -> "orange";
      case REJECTED -> "red";
    };
  }

  static QuarterRow row(ReturnStatuses.QuarterStatus q) {
    String next;
    if (q.status() == null) {
      next =
          q.overdue()
              ? "Overdue: upload your return for this quarter"
              : "Upload your return once the quarter has ended";
    } else {
      next =
          switch (q.status()) {
            case ACCEPTED -> "Nothing to do";
            case EXPLAINED -> "Nothing to do: every query is explained";
            case ACCEPTED_WITH_QUERIES ->
                "Explain or correct the "
                    + q.openQueries()
                    + (q.openQueries() == 1 ? " open query" : " open queries");
            case PARTIALLY_ACCEPTED -> "Correct the rows with errors and upload the return again";
            case REJECTED -> "Correct the file and upload it again";
          };
      if (q.latestRejectedEarlierCounts()) {
        next = "Your latest upload was rejected; the earlier return still counts. " + next;
      }
    }
    String status = q.overdue() && q.status() == null ? "Overdue" : label(q.status());
    return new QuarterRow(
        q.service(),
        q.quarter().label(),
        q.quarter().fileLabel(),
        status,
        q.overdue() && q.status() == null ? "red" : tag(q.status()),
        next,
        q.openQueries(),
        q.explainedQueries(),
        q.overdue());
  }

  static UploadView upload(Upload u, List<Explanation> given) {
    List<FindingRow> rows = new ArrayList<>();
    for (Upload.Item i : u.findings()) {
      Finding f = i.finding();
      Explanation e = i.explainable() ? ReturnStatuses.explanationOf(given, i).orElse(null) : null;
      rows.add(
          new FindingRow(
              i.seq(),
              severity(f.severity()),
              where(f.location()),
              i.caseRef() == null ? "" : i.caseRef(),
              f.found() == null ? "" : f.found(),
              f.expected() == null ? "" : f.expected(),
              f.fix() == null ? "" : f.fix(),
              f.code(),
              i.field() == null ? "" : i.field(),
              i.explainable(),
              e == null ? "" : e.text(),
              e == null ? "" : e.by(),
              e == null ? "" : when(e.at())));
    }
    ReturnStatus status = u.status();
    return new UploadView(
        u.id(),
        u.service(),
        u.quarter() == null ? "" : u.quarter(),
        u.fileName(),
        when(u.received()),
        u.refused() ? "Refused" : label(status),
        u.refused() ? "red" : tag(status),
        u.merge(),
        u.refused(),
        u.errors(),
        u.queries(),
        u.checkedWorkbook() != null,
        rows);
  }

  static HistoryRow history(StoredReturn r, StoredReturn counting, Long uploadId) {
    String counts;
    if (counting != null && r.id() == counting.id()) {
      counts = "Counts: the newest usable return for the quarter";
    } else if ("superseded".equals(r.state())) {
      counts = "Replaced by a later return";
    } else if ("rejected".equals(r.state()) || r.status() == ReturnStatus.REJECTED) {
      counts = "Not used: rejected";
    } else {
      counts = "Not used: older than the return that counts";
    }
    return new HistoryRow(when(r.received()), r.fileName(), label(r.status()), counts, uploadId);
  }

  private static String severity(Severity s) {
    return switch (s) {
      case ERROR -> "Error";
      case QUERY -> "Query";
      case NOTICE -> "Note";
    };
  }

  private static String where(SourceLocation l) {
    StringBuilder s = new StringBuilder();
    if (l.sheet() != null) {
      s.append("Sheet ").append(l.sheet());
    }
    if (l.hasRow() || l.hasColumn()) {
      s.append(s.length() == 0 ? "" : ", ")
          .append(l.hasRow() && l.hasColumn() ? "cell " : l.hasRow() ? "row " : "column ")
          .append(l.cell());
    }
    return s.length() == 0 ? "The whole file" : s.toString();
  }
}
