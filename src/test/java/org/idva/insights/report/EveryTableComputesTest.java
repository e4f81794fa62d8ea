package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every shipped table definition executes: on synthetic case data (seed printed) each table of the
 * report computes for 2023 and every row has a value.
 */
class EveryTableComputesTest {
  private static final long SEED = 20230331L;
  private static ReportEngine.Tabulation tabulation;

  @BeforeAll
  static void load() {
    System.out.println("EveryTableComputesTest seed " + SEED);
    ReportEngine engine = new ReportEngine(Tables.SCHEMA, Tables.SHIPPED);
    tabulation = engine.load(new SyntheticCases(Tables.SCHEMA, SEED, 0.2, 2023, 4));
  }

  @Test
  void everyTableComputesAndEveryRowHasAValue() {
    List<String> problems = new ArrayList<>();
    for (TableDefinition def : Tables.SHIPPED.tables()) {
      try {
        TableResult t = tabulation.table(def, 2023);
        for (TableResult.Row r : t.rows()) {
          if (r.values().isEmpty()) {
            problems.add(def.id() + " / " + r.label() + ": no value");
          }
        }
      } catch (RuntimeException e) {
        problems.add(def.id() + ": " + e.getMessage());
      }
    }
    assertThat(problems).as("tables that do not compute").isEmpty();
  }
}
