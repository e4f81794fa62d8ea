package org.idva.insights.report;

import java.time.LocalDate;

/**
 * Reporting years run April to March and are labelled by the year they end in: 2023 is April 2022
 * to March 2023.
 */
public final class ReportingYear {
  private ReportingYear() {}

  public static int of(LocalDate date) {
    return date.getMonthValue() >= 4 ? date.getYear() + 1 : date.getYear();
  }

  /** The reporting year of an epoch day, or 0 for {@link SheetColumns#MISSING_DATE}. */
  public static int ofEpochDay(int day) {
    return day == SheetColumns.MISSING_DATE ? 0 : of(LocalDate.ofEpochDay(day));
  }

  public static LocalDate start(int year) {
    return LocalDate.of(year - 1, 4, 1);
  }

  public static LocalDate end(int year) {
    return LocalDate.of(year, 3, 31);
  }
}
