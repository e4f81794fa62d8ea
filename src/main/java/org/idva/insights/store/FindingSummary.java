package org.idva.insights.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.idva.insights.model.Finding;
import org.idva.insights.model.Severity;

/**
 * The findings of a return in one line for the history: counts by severity, then by code ({@code 1
 * error, 2 queries, 0 notices; NO_INTAKE_FOR_CASE ×2, CODE_NOT_IN_LIST ×1}).
 */
record FindingSummary(int errors, int queries, int notices, String text) {

  static FindingSummary of(List<Finding> checks, List<Finding> store) {
    List<Finding> all = Stream.concat(checks.stream(), store.stream()).toList();
    int errors = count(all, Severity.ERROR);
    int queries = count(all, Severity.QUERY);
    int notices = count(all, Severity.NOTICE);
    Map<String, Long> byCode =
        all.stream()
            .collect(Collectors.groupingBy(Finding::code, TreeMap::new, Collectors.counting()));
    String codes =
        byCode.entrySet().stream()
            .map(e -> e.getKey() + " ×" + e.getValue())
            .collect(Collectors.joining(", "));
    String text =
        plural(errors, "error")
            + ", "
            + plural(queries, "query", "queries")
            + ", "
            + plural(notices, "notice")
            + (codes.isEmpty() ? "" : "; " + codes);
    return new FindingSummary(errors, queries, notices, text);
  }

  private static int count(List<Finding> all, Severity s) {
    return (int) all.stream().filter(f -> f.severity() == s).count();
  }

  private static String plural(int n, String one) {
    return plural(n, one, one + "s");
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
