package org.idva.insights.render;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rendered report is about: the reporting year key (e.g. {@code 2023}), its label (e.g.
 * {@code 2022-23}), the period each year key stands for, the day it was generated and its scope
 * ("All services" or one service's name).
 *
 * @param reportingYear the year key of the reporting year's columns, e.g. {@code 2023}
 * @param reportLabel the report's year label, e.g. {@code 2022-23}
 * @param yearPeriods the period each year key covers, e.g. {@code 2023 -> April 2022 - March 2023}
 * @param generatedOn the day the figures were computed (also the documents' created date)
 * @param scope {@code All services} or the service a per-service workbook is for
 */
public record ReportEdition(
    String reportingYear,
    String reportLabel,
    Map<String, String> yearPeriods,
    LocalDate generatedOn,
    String scope) {

  public static final String ALL_SERVICES = "All services";

  public ReportEdition {
    yearPeriods = new LinkedHashMap<>(yearPeriods);
  }

  /**
   * The edition of the all-services report for the year (April to March) ending in {@code
   * reportingYear}: label {@code 2022-23}, each of the three years' periods as "April 2022 - March
   * 2023".
   */
  public static ReportEdition of(int reportingYear, LocalDate generatedOn) {
    Map<String, String> periods = new LinkedHashMap<>();
    for (int y = reportingYear; y > reportingYear - 3; y--) {
      periods.put(String.valueOf(y), "April " + (y - 1) + " - March " + y);
    }
    String label = (reportingYear - 1) + "-" + String.format("%02d", reportingYear % 100);
    return new ReportEdition(
        String.valueOf(reportingYear), label, periods, generatedOn, ALL_SERVICES);
  }

  /** The reporting year's period, e.g. {@code April 2022 - March 2023}. */
  public String period() {
    return yearPeriods.getOrDefault(reportingYear, reportLabel);
  }

  /** The same edition for one service's workbook. */
  public ReportEdition forService(String service) {
    return new ReportEdition(reportingYear, reportLabel, yearPeriods, generatedOn, service);
  }

  /** The year keys, newest first, e.g. {@code 2023, 2022, 2021}. */
  public java.util.List<String> years() {
    int y = Integer.parseInt(reportingYear);
    return java.util.List.of(String.valueOf(y), String.valueOf(y - 1), String.valueOf(y - 2));
  }
}
