package org.idva.insights.store;

import org.idva.insights.model.CheckedReturn;
import org.idva.insights.schema.SchemaLoader;

/**
 * Run in a child JVM by {@link CaseStoreContract#killedMidIngestLeavesStoreAsItWas}: ingests a big
 * synthetic return, printing {@code ROWS n} after every batch and {@code DONE} at the end, so the
 * parent can kill it with rows written but not committed.
 *
 * <p>Arguments: store location, number of cases.
 */
public final class IngestChild {
  private IngestChild() {}

  public static void main(String[] args) {
    var schema = SchemaLoader.loadDefault();
    CheckedReturn r =
        new SyntheticReturns(schema)
            .generate("KILL", TestReturns.Q1_2022, 1, Integer.parseInt(args[1]), 7L);
    try (CaseStore store = CaseStore.open(StoreConfig.of(args[0], schema))) {
      System.out.println("BEGIN " + r.rows().size());
      System.out.flush();
      IngestResult result =
          store.ingest(
              r,
              (written, total) -> {
                System.out.println("ROWS " + written);
                System.out.flush();
              });
      System.out.println("DONE " + result.outcome() + " " + result.rowsStored());
      System.out.flush();
    }
  }
}
