package org.idva.insights.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.schema.SchemaLoader;

/**
 * Run in a child JVM by {@link CaseStoreContract#killedMidIngestLeavesStoreAsItWas}: ingests a big
 * synthetic return, printing {@code ROWS n} after every batch and {@code DONE} at the end. After
 * {@value #PAUSE_AT} rows it prints {@code PAUSED} and waits on its standard input, so the parent
 * can kill it with rows written but not committed (or close the input to let it finish).
 *
 * <p>Arguments: store location, number of cases.
 */
public final class IngestChild {
  static final int PAUSE_AT = 3000;

  private IngestChild() {}

  public static void main(String[] args) {
    var schema = SchemaLoader.loadDefault();
    CheckedReturn r =
        new SyntheticReturns(schema)
            .generate("KILL", TestReturns.Q1_2022, 1, Integer.parseInt(args[1]), 7L);
    try (CaseStore store = CaseStore.open(StoreConfig.of(args[0], schema))) {
      boolean[] paused = {false};
      System.out.println("BEGIN " + r.rows().size());
      System.out.flush();
      IngestResult result =
          store.ingest(
              r,
              (written, total) -> {
                System.out.println("ROWS " + written);
                if (written >= PAUSE_AT && !paused[0]) {
                  // rows written, nothing committed: wait here until the parent kills us, or
                  // carry on when it closes our standard input
                  paused[0] = true;
                  System.out.println("PAUSED");
                  System.out.flush();
                  try {
                    System.in.read();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }
                System.out.flush();
              });
      System.out.println("DONE " + result.outcome() + " " + result.rowsStored());
      System.out.flush();
    }
  }
}
