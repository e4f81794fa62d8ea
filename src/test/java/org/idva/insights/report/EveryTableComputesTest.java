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

  /** Issue 6.1: every seed table's rows come out with the same labels in the same order. */
  @Test
  void everySeedTablesRowsAreComputedInTheSeedsOrder() throws Exception {
    List<String> problems = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode seedTable : SeedTables.tables()) {
      String id = seedTable.get("id").asText();
      List<String> computed =
          tabulation.table(id, 2023).rows().stream().map(r -> r.label()).toList();
      int at = 0;
      for (com.fasterxml.jackson.databind.JsonNode row : seedTable.get("rows")) {
        String label = row.get("label").asText();
        int found = computed.subList(at, computed.size()).indexOf(label);
        if (found < 0) {
          problems.add(id + ": \"" + label + "\" missing or out of order");
        } else {
          at += found + 1;
        }
      }
    }
    assertThat(problems).as("seed rows not computed in order").isEmpty();
  }
}
