package org.idva.insights.validate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.idva.insights.model.ReportingQuarter;

/**
 * The return naming convention {@code <SERVICE>_<yyyy-yy>-Q<n>.xlsx}, e.g. {@code
 * SVC01_2022-23-Q1.xlsx}. The checked workbook sent back as the return ({@code
 * SVC01_2022-23-Q1-checked.xlsx}, to explain its queries) follows it too.
 */
public record ReturnFileName(String service, ReportingQuarter quarter) {
  private static final Pattern NAME =
      Pattern.compile("([A-Za-z0-9]{2,12})_(\\d{4}-\\d{2}-Q[1-4])(-checked)?\\.(xlsx|xlsm|xls)");

  public static Optional<ReturnFileName> parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return ReportingQuarter.parse(m.group(2))
        .map(q -> new ReturnFileName(m.group(1).toUpperCase(java.util.Locale.ROOT), q));
  }

  /** The conventional name: {@code SVC01_2022-23-Q1.xlsx}. */
  public static String of(String service, ReportingQuarter quarter) {
    return service + "_" + quarter.fileLabel() + ".xlsx";
  }
}
