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

  private static final int FIRST = 1950;
  private static final int[] APRIL_FIRST = new int[200];

  static {
    for (int i = 0; i < APRIL_FIRST.length; i++) {
      APRIL_FIRST[i] = (int) LocalDate.of(FIRST + i, 4, 1).toEpochDay();
    }
  }

  /** The reporting year of an epoch day, or 0 for {@link SheetColumns#MISSING_DATE}. */
  public static int ofEpochDay(int day) {
    if (day == SheetColumns.MISSING_DATE) {
      return 0;
    }
    int i = java.util.Arrays.binarySearch(APRIL_FIRST, day);
    if (i >= 0) {
      return FIRST + i + 1; // 1 April starts the year ending the next March
    }
    int before = -i - 2; // index of the last 1 April before the day
    if (before < 0 || before >= APRIL_FIRST.length - 1) {
      return of(LocalDate.ofEpochDay(day));
    }
    return FIRST + before + 1;
  }

  public static LocalDate start(int year) {
    return LocalDate.of(year - 1, 4, 1);
  }

  public static LocalDate end(int year) {
    return LocalDate.of(year, 3, 31);
  }
}
