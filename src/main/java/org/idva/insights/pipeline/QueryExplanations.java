package org.idva.insights.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.store.CaseStore;

/**
 * Explain instead of fix: matches a return's queries to the explanations its service gave, on the
 * Issues sheet of a checked workbook sent back or on the web page (both through the store), and
 * records the new ones. An explanation belongs to one answer (service, sheet, case ref, question,
 * value): it stays with that answer in later resubmissions and no longer applies once the value
 * changes. Errors cannot be explained. A return whose queries are all explained is {@link
 * ReturnStatus#EXPLAINED}.
 */
final class QueryExplanations {
  private QueryExplanations() {}

  /** Whether a finding can be explained: a query on one answer of one case. */
  static boolean explainable(Finding f) {
    return f.severity() == Severity.QUERY && f.caseRef() != null && f.field() != null;
  }

  /**
   * The return with its queries marked explained: by the explanations it carries (recorded in the
   * store when there is one, as given by {@code by} through {@code channel}) and by those stored
   * earlier. A rejected return is left as it is and nothing of it is recorded.
   *
   * @param store the case store, or null to use only the explanations the return carries
   */
  static CheckedReturn apply(CheckedReturn checked, CaseStore store, String by, String channel) {
    String service = checked.info().service();
    if (checked.status() == ReturnStatus.REJECTED || service == null) {
      return checked;
    }
    List<Finding> findings = new ArrayList<>();
    for (Finding f : checked.findings()) {
      if (!explainable(f)) {
        findings.add(f);
        continue;
      }
      Optional<Explanation> given =
          checked.explanations().stream()
              .filter(e -> e.explains(f.location().sheet(), f.caseRef(), f.field(), f.found()))
              .findFirst();
      if (given.isPresent() && store != null) {
        Explanation e = given.get();
        store
            .explanations()
            .record(
                new Explanation(
                    service,
                    e.sheet(),
                    e.caseRef(),
                    e.field(),
                    e.value(),
                    e.text(),
                    by,
                    channel,
                    e.at()));
      }
      Optional<Explanation> known =
          given.isPresent() || store == null
              ? given
              : store
                  .explanations()
                  .find(service, f.location().sheet(), f.caseRef(), f.field(), f.found());
      findings.add(known.map(e -> f.explained(e.text())).orElse(f));
    }
    return checked.with(status(checked.status(), findings), findings);
  }

  /** The status once explained queries no longer count: EXPLAINED when only those are left. */
  static ReturnStatus status(ReturnStatus status, List<Finding> findings) {
    if (status != ReturnStatus.ACCEPTED_WITH_QUERIES && status != ReturnStatus.EXPLAINED) {
      return status;
    }
    boolean open = findings.stream().anyMatch(f -> f.severity() != Severity.NOTICE && f.isOpen());
    boolean explained = findings.stream().anyMatch(Finding::isExplained);
    return open
        ? ReturnStatus.ACCEPTED_WITH_QUERIES
        : explained ? ReturnStatus.EXPLAINED : ReturnStatus.ACCEPTED;
  }
}
