package org.idva.insights.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.Finding;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;

/**
 * The findings of one return as they are made. Lists at most {@link #LIMIT} findings of one check
 * on one sheet, then counts the rest into one {@link Check#MORE_FINDINGS} notice, so a sheet of a
 * million bad rows cannot fill memory or the feedback.
 */
final class Findings {
  static final int LIMIT = 500;
  private final List<Finding> list = new ArrayList<>();
  private final Map<String, int[]> counts = new HashMap<>();
  private final Map<String, SourceLocation> firstOver = new HashMap<>();
  private boolean rejected;
  private boolean errors;
  private boolean queries;

  void add(Check check, SourceLocation at, String found, String expected, String fix) {
    add(check, at, found, expected, fix, null, null, null);
  }

  /**
   * Adds a finding on one question of one case: {@code question} is its header as the form asks it,
   * {@code field} its schema id (kept for matching explanations, never shown).
   */
  void add(
      Check check,
      SourceLocation at,
      String found,
      String expected,
      String fix,
      String question,
      String caseRef,
      String field) {
    if (check.rejects()) {
      rejected = true;
    }
    if (check.severity() == Severity.ERROR) {
      errors = true;
    } else if (check.severity() == Severity.QUERY) {
      queries = true;
    }
    String key = at.sheet() + "\u0000" + check.name();
    int[] n = counts.computeIfAbsent(key, k -> new int[1]);
    n[0]++;
    if (n[0] <= LIMIT) {
      list.add(
          new Finding(
              check.severity(),
              check.code(),
              at,
              found,
              expected,
              fix,
              question,
              caseRef,
              field,
              null));
    } else if (n[0] == LIMIT + 1) {
      firstOver.put(key, at);
    }
  }

  boolean rejected() {
    return rejected;
  }

  boolean hasErrors() {
    return errors;
  }

  boolean hasQueries() {
    return queries;
  }

  List<Finding> all() {
    List<Finding> out = new ArrayList<>(list);
    counts.forEach(
        (key, n) -> {
          if (n[0] > LIMIT) {
            String code = key.substring(key.indexOf('\u0000') + 1);
            SourceLocation at = firstOver.get(key);
            out.add(
                new Finding(
                    Severity.NOTICE,
                    Check.MORE_FINDINGS.code(),
                    SourceLocation.ofSheet(at.file(), at.sheet()),
                    String.format(
                        "%,d more of '%s'",
                        n[0] - LIMIT, Check.ofCode(code).map(Check::title).orElse(code)),
                    "at most " + LIMIT + " findings of one kind are listed per sheet",
                    "Fix the listed ones the same way; the rest will show on the next check."));
          }
        });
    return out;
  }
}
