package org.idva.insights.render;

import java.util.function.Function;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;

/**
 * What the service must do next about one return, in one sentence: nothing, explain or correct N
 * queries, or correct N errors and send the return again (with the reason a file was rejected).
 */
final class NextStep {
  private NextStep() {}

  static long errors(CheckedReturn c) {
    return c.count(Severity.ERROR);
  }

  static long openQueries(CheckedReturn c) {
    return c.findings().stream()
        .filter(f -> f.severity() == Severity.QUERY && !f.isExplained())
        .count();
  }

  static long explained(CheckedReturn c) {
    return c.findings().stream().filter(Finding::isExplained).count();
  }

  /** The reason a rejected return was rejected: the title of its first error. */
  static String reason(CheckedReturn c, Function<String, String> titles) {
    return c.findings().stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .findFirst()
        .map(f -> titles.apply(f.code()))
        .orElse("it could not be used");
  }

  static String sentence(CheckedReturn c, Function<String, String> titles) {
    long errors = errors(c);
    long open = openQueries(c);
    long explained = explained(c);
    if (c.status() == ReturnStatus.REJECTED) {
      return "Nothing from this file was used ("
          + reason(c, titles).toLowerCase(java.util.Locale.ROOT)
          + "): correct "
          + (errors == 1 ? "the error" : "the " + errors + " errors")
          + " listed below and send the whole return again; the data we already held from you is"
          + " kept.";
    }
    if (errors > 0) {
      return "Correct "
          + plural(errors, "error")
          + " and send the whole return again: rows with errors were left out, the rest was used."
          + (open > 0 ? " Explain or correct " + plural(open, "query") + " as well." : "");
    }
    if (open > 0) {
      return "Your data was used. Explain or correct "
          + plural(open, "query")
          + ": if an answer is right, type why in the column 'Your explanation' on the Issues"
          + " sheet and send this workbook back; otherwise correct your return and send it"
          + " again.";
    }
    return "Nothing to do: your data was used."
        + (explained > 0
            ? " Your explanation"
                + (explained == 1 ? " of 1 query is" : "s of " + explained + " queries are")
                + " kept with "
                + (explained == 1 ? "it." : "them.")
            : "");
  }

  static String plural(long n, String word) {
    if (n == 1) {
      return "1 " + word;
    }
    return n
        + " "
        + (word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s");
  }
}
