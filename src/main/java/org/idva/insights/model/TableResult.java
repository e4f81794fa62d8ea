package org.idva.insights.model;

import java.util.List;
import java.util.Map;

/**
 * A computed report table, in the seed tables file's shape: columns keyed {@code 2023.count},
 * {@code 2023.pct}, {@code 2022.pct}, {@code 2023.High.count}...; a row's values keyed the same.
 * Passed from the report engine to the renderers.
 *
 * @param n the base per column group key ({@code 2023}, {@code 2023.High}...)
 */
public record TableResult(
    String id,
    String section,
    String title,
    String population,
    List<String> columns,
    Map<String, Long> n,
    List<Row> rows) {

  public TableResult {
    columns = List.copyOf(columns);
    n = Map.copyOf(n);
    rows = List.copyOf(rows);
  }

  /**
   * One printed row.
   *
   * @param kind {@code category}, {@code missing}, {@code subtotal}, {@code total}, {@code
   *     average}, {@code median} or {@code other}
   * @param values numbers ({@code Long} counts, {@code Integer} percents, {@code Double} values) or
   *     text (durations such as "2 years 2 months"), keyed by column
   */
  public record Row(String label, String kind, int indent, Map<String, Object> values) {
    public Row {
      values = Map.copyOf(values);
    }
  }
}
