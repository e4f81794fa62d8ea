package org.idva.insights.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A computed report table, in the seed tables file's shape: columns keyed {@code 2023.count},
 * {@code 2023.pct}, {@code 2022.pct}, {@code 2023.High.count}...; a row's values keyed the same.
 * Passed from the report engine to the renderers.
 *
 * @param n the base per column group key ({@code 2023}, {@code 2023.High}...)
 * @param heading the report's heading above the table ({@code Sexual abuse}, {@code Safety}), or
 *     empty; joined to the title by {@link #fullTitle()}
 * @param higherIs what a higher % means in this table: {@code better}, {@code worse} or {@code
 *     neutral}; the year-on-year colours follow it
 * @param notCollected the column groups ({@code 2021}, {@code 2021.Exit}, keys as in {@code n}) in
 *     which the question was not asked: no case of the base has an answer; their cells are empty
 */
public record TableResult(
    String id,
    String section,
    String title,
    String population,
    List<String> columns,
    Map<String, Long> n,
    List<Row> rows,
    String heading,
    String higherIs,
    Set<String> notCollected) {

  public static final String NEUTRAL = "neutral";

  public TableResult {
    columns = List.copyOf(columns);
    n = Map.copyOf(n);
    rows = List.copyOf(rows);
    heading = heading == null ? "" : heading;
    higherIs = higherIs == null || higherIs.isBlank() ? NEUTRAL : higherIs;
    notCollected = Set.copyOf(notCollected);
  }

  /** A table without heading, neutral, every group collected. */
  public TableResult(
      String id,
      String section,
      String title,
      String population,
      List<String> columns,
      Map<String, Long> n,
      List<Row> rows) {
    this(id, section, title, population, columns, n, rows, "", NEUTRAL, Set.of());
  }

  /** The same table with other bases and rows (heading, direction and gaps kept). */
  public TableResult withFigures(Map<String, Long> n, List<Row> rows) {
    return new TableResult(
        id, section, title, population, columns, n, rows, heading, higherIs, notCollected);
  }

  /**
   * The title that tells this table from the others: the heading joined to the title ({@code Level
   * of abuse: Sexual abuse}; a question goes after its heading: {@code Safety: What outcomes were
   * achieved in this support area?}).
   */
  public String fullTitle() {
    if (heading.isBlank() || title.contains(heading)) {
      return title;
    }
    return title.endsWith("?") ? heading + ": " + title : title + ": " + heading;
  }

  /** Whether the column group ({@code 2021} or {@code 2021.Exit}) was not asked that year. */
  public boolean notCollected(String groupKey) {
    if (notCollected.contains(groupKey)) {
      return true;
    }
    int dot = groupKey.indexOf('.');
    return dot > 0 && notCollected.contains(groupKey.substring(0, dot));
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
