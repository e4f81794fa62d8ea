package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.TableResult;
import org.junit.jupiter.api.Test;

/**
 * A service's tables from the columns already loaded for every service ({@code
 * Tabulation.forService}) are exactly the tables of that service's data loaded on its own: the
 * per-service workbooks are computed in one pass over the store, with the same figures.
 */
class ServiceSliceTest {

  @Test
  void eachServicesSliceGivesTheTablesOfItsOwnData() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("ServiceSliceTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    ReportEngine engine = new ReportEngine(Tables.SCHEMA, Tables.SHIPPED);
    CaseData data = new SyntheticCases(Tables.SCHEMA, seed, 0.1, 2023, 3);
    ReportEngine.Tabulation everyone = engine.load(data);
    List<String> services = everyone.columns().services();
    assertThat(services).hasSize(9);
    List<TableResult> all = everyone.tables(2023, null);
    for (String service : services) {
      ReportEngine.Tabulation slice = everyone.forService(service);
      assertThat(slice.columns().rowCount())
          .as(service)
          .isEqualTo(engine.load(data.forService(service)).columns().rowCount())
          .isLessThan(everyone.columns().rowCount());
      List<TableResult> own = engine.load(data.forService(service)).tables(2023, null);
      List<TableResult> sliced = slice.tables(2023, null);
      assertThat(sliced).as(service).isEqualTo(own);
      assertThat(everyone.forSlicing().forService(service).tables(2023, null))
          .as("%s sliced from the columns without their links", service)
          .isEqualTo(own);
      assertThat(sliced).as("a service's tables are not everyone's").isNotEqualTo(all);
    }
  }

  @Test
  void aServiceWithNoRowsGivesEmptyColumns() {
    ReportEngine engine = new ReportEngine(Tables.SCHEMA, Tables.SHIPPED);
    ReportEngine.Tabulation everyone =
        engine.load(new SyntheticCases(Tables.SCHEMA, 7, 0.05, 2023, 1));
    ReportEngine.Tabulation none = everyone.forService("NOSUCH");
    assertThat(none.columns().rowCount()).isZero();
    assertThat(none.tables(2023, null))
        .isEqualTo(engine.load((sheet, action) -> {}).tables(2023, null));
  }
}
