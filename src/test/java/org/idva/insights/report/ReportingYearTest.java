package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportingYearTest {
  @Test
  void aprilToMarchLabelledByTheYearItEndsIn() {
    assertThat(ReportingYear.of(LocalDate.of(2022, 4, 1))).isEqualTo(2023);
    assertThat(ReportingYear.of(LocalDate.of(2023, 3, 31))).isEqualTo(2023);
    assertThat(ReportingYear.of(LocalDate.of(2023, 4, 1))).isEqualTo(2024);
    assertThat(ReportingYear.ofEpochDay(SheetColumns.MISSING_DATE)).isZero();
  }

  @Test
  void fastEpochDayLookupAgreesWithTheCalendar() {
    long seed = 42;
    System.out.println("ReportingYearTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 20000; i++) {
      int day = random.nextInt(100_000) - 20_000; // 1915 to 2183: inside and outside the table
      assertThat(ReportingYear.ofEpochDay(day))
          .as("epoch day %d", day)
          .isEqualTo(ReportingYear.of(LocalDate.ofEpochDay(day)));
    }
  }
}
