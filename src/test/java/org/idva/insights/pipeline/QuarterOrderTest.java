package org.idva.insights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A folder's returns are taken quarter by quarter, the oldest first: each service's own returns in
 * the order their names give, the services side by side.
 */
class QuarterOrderTest {
  private static List<Path> paths(String... names) {
    return java.util.Arrays.stream(names).map(n -> Path.of("input", n)).toList();
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).toList();
  }

  @Test
  void theServicesReturnsComeQuarterByQuarter() {
    List<Path> byName =
        paths(
            "SVC01_2021-22-Q1.xlsx",
            "SVC01_2021-22-Q2.xlsx",
            "SVC01_2022-23-Q1.xlsx",
            "SVC02_2021-22-Q1.xlsx",
            "SVC02_2021-22-Q2.xlsx",
            "SVC02_2022-23-Q1.xlsx");

    assertThat(names(QuarterOrder.of(byName)))
        .containsExactly(
            "SVC01_2021-22-Q1.xlsx",
            "SVC02_2021-22-Q1.xlsx",
            "SVC01_2021-22-Q2.xlsx",
            "SVC02_2021-22-Q2.xlsx",
            "SVC01_2022-23-Q1.xlsx",
            "SVC02_2022-23-Q1.xlsx");
  }

  @Test
  void aQuartersReturnsKeepTheirNameOrderAndOtherNamesComeLast() {
    List<Path> byName =
        paths(
            "SVC01 corrected.xlsx",
            "SVC01_2022-23-Q2-checked.xlsx",
            "SVC01_2022-23-Q2.xlsm",
            "SVC01_2022-23-Q2.xlsx",
            "notes.xlsx",
            "svc01_2022-23-Q1.xls");

    assertThat(names(QuarterOrder.of(byName)))
        .containsExactly(
            "svc01_2022-23-Q1.xls",
            "SVC01_2022-23-Q2-checked.xlsx",
            "SVC01_2022-23-Q2.xlsm",
            "SVC01_2022-23-Q2.xlsx",
            "SVC01 corrected.xlsx",
            "notes.xlsx");
  }

  /**
   * Whatever the services and quarters, each service's returns keep the relative order they have by
   * name (so each is checked and merged after the same earlier returns of its service as before),
   * and the quarters never go backwards.
   */
  @Test
  void eachServicesReturnsKeepTheirNameOrder() {
    Random random = new Random(20261206L);
    for (int round = 0; round < 200; round++) {
      List<String> names = new ArrayList<>();
      int services = 1 + random.nextInt(6);
      for (int s = 1; s <= services; s++) {
        for (int year = 2019; year <= 2023; year++) {
          for (int q = 1; q <= 4; q++) {
            if (random.nextInt(3) > 0) {
              String quarter = String.format("%d-%02d-Q%d", year, (year + 1) % 100, q);
              names.add(String.format("SVC%02d_%s.xlsx", s, quarter));
              if (random.nextInt(8) == 0) {
                names.add(String.format("SVC%02d_%s-checked.xlsx", s, quarter));
              }
            }
          }
        }
      }
      Collections.sort(names);
      List<String> ordered = names(QuarterOrder.of(paths(names.toArray(String[]::new))));

      assertThat(ordered).containsExactlyInAnyOrderElementsOf(names);
      for (int s = 1; s <= services; s++) {
        String prefix = String.format("SVC%02d_", s);
        assertThat(ordered.stream().filter(n -> n.startsWith(prefix)).toList())
            .isEqualTo(names.stream().filter(n -> n.startsWith(prefix)).toList());
      }
      List<String> quarters = ordered.stream().map(n -> n.substring(6, 16)).toList();
      assertThat(quarters).isSorted();
    }
  }
}
