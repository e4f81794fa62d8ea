package org.idva.insights.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a reporting year that runs April to March: {@code 2022-23 Q1} is April to June 2022,
 * {@code 2022-23 Q4} is January to March 2023.
 *
 * @param startYear the calendar year the reporting year starts in (2022 for 2022-23)
 * @param quarter 1 to 4
 */
public record ReportingQuarter(int startYear, int quarter) implements Comparable<ReportingQuarter> {
  private static final Pattern LABEL =
      Pattern.compile(
          "\\s*(\\d{4})\\s*[-/]\\s*(\\d{2}|\\d{4})\\s*[ _-]?\\s*Q([1-4])\\s*",
          Pattern.CASE_INSENSITIVE);

  public ReportingQuarter {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1 to 4, was " + quarter);
    }
    if (startYear < 2000 || startYear > 2098) {
      throw new IllegalArgumentException("reporting year out of range: " + startYear);
    }
  }

  /**
   * Parses {@code 2022-23 Q1} (also {@code 2022/23 Q1}, {@code 2022-2023 Q1}, {@code 2022-23_Q1}).
   */
  public static Optional<ReportingQuarter> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = LABEL.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int start = Integer.parseInt(m.group(1));
    String end = m.group(2);
    int endYear =
        end.length() == 2 ? (start / 100) * 100 + Integer.parseInt(end) : Integer.parseInt(end);
    if (endYear != start + 1 || start < 2000 || start > 2098) {
      return Optional.empty();
    }
    return Optional.of(new ReportingQuarter(start, Integer.parseInt(m.group(3))));
  }

  /** The quarter a date falls in. */
  public static ReportingQuarter of(LocalDate date) {
    int month = date.getMonthValue();
    int start = month >= 4 ? date.getYear() : date.getYear() - 1;
    int q = month >= 4 ? (month - 4) / 3 + 1 : 4;
    return new ReportingQuarter(start, q);
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
  }

  /** The report's year label: the calendar year the reporting year ends in (2023 for 2022-23). */
  public int reportYear() {
    return startYear + 1;
  }

  /** {@code 2022-23 Q1}. */
  public String label() {
    return String.format("%d-%02d Q%d", startYear, (startYear + 1) % 100, quarter);
  }

  /** {@code 2022-23-Q1}, for file names. */
  public String fileLabel() {
    return String.format("%d-%02d-Q%d", startYear, (startYear + 1) % 100, quarter);
  }

  /** Every quarter from April 2020 to March 2030, for the template's drop-down. */
  public static List<ReportingQuarter> range(int fromStartYear, int toStartYear) {
    List<ReportingQuarter> all = new ArrayList<>();
    for (int y = fromStartYear; y <= toStartYear; y++) {
      for (int q = 1; q <= 4; q++) {
        all.add(new ReportingQuarter(y, q));
      }
    }
    return all;
  }

  @Override
  public int compareTo(ReportingQuarter o) {
    return startYear != o.startYear
        ? Integer.compare(startYear, o.startYear)
        : Integer.compare(quarter, o.quarter);
  }

  @Override
  public String toString() {
    return label();
  }
}
