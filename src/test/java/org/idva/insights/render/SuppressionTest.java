package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/** The disclosure policy of docs/disclosure.md, rule by rule. */
class SuppressionTest {
  private static TableResult.Row row(String label, String kind, Map<String, Object> v) {
    return new TableResult.Row(label, kind, 0, v);
  }

  private static TableResult table(
      String id, List<String> columns, Map<String, Long> n, TableResult.Row... rows) {
    return new TableResult(id, "s", "T", "p", columns, n, List.of(rows));
  }

  @Test
  void smallCountsAndSmallBasesAreHiddenWithTheirPercent() {
    TableResult t =
        table(
            "x",
            List.of("2023.count", "2023.pct", "2022.pct"),
            Map.of("2023", 3L, "2022", 50L),
            row("a", "category", Map.of("2023.count", 4L, "2023.pct", 8, "2022.pct", 9)),
            row("b", "category", Map.of("2023.count", 5L, "2023.pct", 10)),
            row("z", "category", Map.of("2023.count", 0L, "2023.pct", 0)));
    TableResult s = Suppression.apply(t, 4);
    // n = 3 for 2023: the whole year's group is hidden; 2022 (n = 50): 9% is 4 or 5 of 50, shown
    assertThat(s.rows().get(0).values())
        .containsEntry("2023.count", "c")
        .containsEntry("2023.pct", "c")
        .containsEntry("2022.pct", 9);
    assertThat(s.rows().get(1).values()).containsEntry("2023.count", "c");
    assertThat(Suppression.suppressedBase(s.n().get("2023"))).isTrue();
    assertThat(s.n().get("2022")).isEqualTo(50L);
    assertThat(Suppression.apply(t, 2).rows().get(0).values()).containsEntry("2023.count", 4L);
  }

  @Test
  void aSingleHiddenCellInASumHidesTheSmallestOtherToo() {
    TableResult t =
        table(
            "x",
            List.of("2023.count", "2023.pct"),
            Map.of("2023", 100L),
            row("a", "category", Map.of("2023.count", 3L, "2023.pct", 3)),
            row("b", "category", Map.of("2023.count", 40L, "2023.pct", 40)),
            row("c", "category", Map.of("2023.count", 57L, "2023.pct", 57)),
            row("Missing", "missing", Map.of("2023.count", 0L, "2023.pct", 0)));
    TableResult s = Suppression.apply(t, 4);
    assertThat(s.rows().get(0).values()).containsEntry("2023.count", "c");
    // Missing (0) is the smallest shown member: hiding it leaves a + Missing = 3, not a = 3
    assertThat(s.rows().get(3).values()).containsEntry("2023.count", "c");
    assertThat(s.rows().get(1).values()).containsEntry("2023.count", 40L);
    assertThat(s.rows().get(2).values()).containsEntry("2023.count", 57L);
  }

  @Test
  void aPercentThatPinsASmallCountIsHiddenInAnyYear() {
    assertThat(Suppression.countsFor(1, 200)).containsExactly(1L, 2L);
    assertThat(Suppression.pinsSmallCount(1, 200L, 4)).isTrue();
    assertThat(Suppression.pinsSmallCount(0, 200L, 4)).as("0 or 1 of 200").isFalse();
    assertThat(Suppression.pinsSmallCount(1, 1000L, 4)).as("5 to 14 of 1000").isFalse();
    assertThat(Suppression.pinsSmallCount(2, 300L, 4)).as("5 to 7 of 300").isFalse();
    TableResult t =
        table(
            "x",
            List.of("2023.count", "2023.pct", "2022.pct"),
            Map.of("2023", 40L, "2022", 200L),
            row("a", "category", Map.of("2023.count", 20L, "2023.pct", 50, "2022.pct", 1)),
            row("b", "category", Map.of("2023.count", 20L, "2023.pct", 50, "2022.pct", 99)));
    TableResult s = Suppression.apply(t, 4);
    assertThat(s.rows().get(0).values()).containsEntry("2022.pct", "c");
    // and its partner in the sum to 100%, or 200 less the rest gives it away
    assertThat(s.rows().get(1).values()).containsEntry("2022.pct", "c");
    assertThat(s.rows().get(0).values()).containsEntry("2023.count", 20L);
  }

  @Test
  void theNumberOfServicesIsNeverHidden() {
    TableResult t =
        table(
            "headline_figures",
            List.of("2023.count"),
            Map.of("2023", 50L),
            row("Idva services in the dataset", "services", Map.of("2023.count", 1L)),
            row("Clients", "other", Map.of("2023.count", 2L)));
    TableResult s = Suppression.apply(t, 4);
    assertThat(s.rows().get(0).values()).containsEntry("2023.count", 1L);
    assertThat(s.rows().get(1).values()).containsEntry("2023.count", "c");
  }
}
