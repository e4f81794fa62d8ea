package org.idva.insights.store;

import java.io.IOException;
import org.idva.insights.schema.SchemaLoader;

/**
 * Run in a child JVM by {@link CaseStoreContract}: takes the store's writer lock as "lock test
 * child", prints {@code LOCKED}, and holds it until its standard input closes (or it is killed).
 *
 * <p>Argument: store location.
 */
public final class WriterLockChild {
  private WriterLockChild() {}

  public static void main(String[] args) throws IOException {
    var schema = SchemaLoader.loadDefault();
    try (CaseStore store = CaseStore.open(StoreConfig.of(args[0], schema));
        WriterLock lock =
            store.lockForWriting(
                java.time.Duration.ofSeconds(30), WriterLock.holder("lock test child"))) {
      System.out.println("LOCKED");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock until the parent closes our input
      }
    }
    System.out.println("RELEASED");
  }
}
