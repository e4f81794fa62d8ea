package org.idva.insights.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoredReturn;
import org.idva.insights.store.Upload;

/**
 * Where each service's return for a quarter stands, however it came: the return that counts (the
 * newest current one in the store's history), its status, its queries open and explained, and
 * whether it is overdue. What the web page's start page and the analyst's grid show.
 */
public final class ReturnStatuses {
  private final CaseStore store;

  public ReturnStatuses(CaseStore store) {
    this.store = store;
  }

  /**
   * One service's return for one quarter.
   *
   * @param status the status of the return that counts (EXPLAINED when it had queries and the
   *     service explained them all), or null when none was received
   * @param counting the return that counts, or null
   * @param latest the newest return received for the quarter (may be a rejected one), or null
   * @param upload the web upload of the return that counts, with its findings, or null when it came
   *     another way
   * @param openQueries queries not explained yet
   * @param explainedQueries queries the service explained
   * @param overdue nothing usable received and the due date has passed
   */
  public record QuarterStatus(
      String service,
      ReportingQuarter quarter,
      ReturnStatus status,
      StoredReturn counting,
      StoredReturn latest,
      Upload upload,
      int openQueries,
      int explainedQueries,
      boolean overdue) {

    /** True when the newest return was rejected while an earlier one still counts. */
    public boolean latestRejectedEarlierCounts() {
      return counting != null && latest != null && latest.id() != counting.id();
    }
  }

  /**
   * The quarters to show: those of the reporting year {@code today} falls in and the year before,
   * plus any quarter the service (any service when null) has a return for; newest first.
   */
  public List<ReportingQuarter> quarters(String service, LocalDate today) {
    TreeSet<ReportingQuarter> all = new TreeSet<>();
    ReportingQuarter now = ReportingQuarter.of(today);
    all.addAll(ReportingQuarter.range(now.startYear() - 1, now.startYear()));
    for (StoredReturn r : store.history(service)) {
      ReportingQuarter.parse(r.quarter()).ifPresent(all::add);
    }
    List<ReportingQuarter> out = new ArrayList<>(all.descendingSet());
    return out;
  }

  /**
   * The status of a service's return for a quarter.
   *
   * @param dueAfter how many days after a quarter ends its return is due (e.g. 30)
   */
  public QuarterStatus of(String service, ReportingQuarter quarter, LocalDate today, int dueAfter) {
    List<StoredReturn> returns =
        store.history(service).stream()
            .filter(r -> quarter.label().equals(r.quarter()))
            .sorted(Comparator.comparing(StoredReturn::received).thenComparing(StoredReturn::id))
            .toList();
    StoredReturn latest = returns.isEmpty() ? null : returns.get(returns.size() - 1);
    Optional<StoredReturn> counting =
        returns.stream().filter(r -> "current".equals(r.state())).reduce((a, b) -> b);
    StoredReturn counts = counting.orElse(latest);
    boolean overdue =
        counting.isEmpty() && today.isAfter(quarter.lastDay().plusDays(Math.max(0, dueAfter)));
    if (counts == null) {
      return new QuarterStatus(service, quarter, null, null, null, null, 0, 0, overdue);
    }
    Upload upload = store.uploads().findBySha256(service, counts.sha256()).orElse(null);
    int open = counts.queries();
    int explained = 0;
    if (upload != null) {
      List<Explanation> given = store.explanations().list(service);
      open = 0;
      for (Upload.Item i : upload.findings()) {
        if (i.finding().severity() != org.idva.insights.model.Severity.QUERY) {
          continue;
        }
        if (i.explainable() && explanationOf(given, i).isPresent()) {
          explained++;
        } else {
          open++;
        }
      }
    }
    ReturnStatus status = counts.status();
    if (status == ReturnStatus.ACCEPTED_WITH_QUERIES && open == 0 && explained > 0) {
      status = ReturnStatus.EXPLAINED;
    }
    return new QuarterStatus(
        service, quarter, status, counting.orElse(null), latest, upload, open, explained, overdue);
  }

  /** The explanation the service gave of a finding's answer, if any. */
  public static Optional<Explanation> explanationOf(List<Explanation> given, Upload.Item i) {
    return given.stream()
        .filter(
            e ->
                e.explains(
                    i.finding().location().sheet(), i.caseRef(), i.field(), i.finding().found()))
        .findFirst();
  }
}
