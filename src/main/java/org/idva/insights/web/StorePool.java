package org.idva.insights.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;

/**
 * A few open case stores, each with its pipeline, lent to one request at a time ({@link CaseStore}
 * and {@link Pipeline} are not thread-safe), and one more kept for the writer: uploads and rebuilds
 * queue for it in arrival order without holding a store that page views need.
 */
final class StorePool implements AutoCloseable {
  /** A store with the pipeline that merges into it. */
  record Lease(CaseStore store, Pipeline pipeline) {}

  private final BlockingQueue<Lease> idle;
  private final List<Lease> all = new ArrayList<>();
  private final Lease writer;
  private final ReentrantLock writerTurn = new ReentrantLock(true);

  StorePool(int size, StoreConfig config, Function<CaseStore, Pipeline> pipelines) {
    idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      CaseStore store = CaseStore.open(config);
      Lease lease = new Lease(store, pipelines.apply(store));
      all.add(lease);
      idle.add(lease);
    }
    CaseStore store = CaseStore.open(config);
    writer = new Lease(store, pipelines.apply(store));
    all.add(writer);
  }

  /** Runs {@code work} with the writer's store, after the uploads and rebuilds queued before. */
  <T> T withWriter(Work<T> work) throws Exception {
    writerTurn.lockInterruptibly();
    try {
      return work.run(writer);
    } finally {
      writerTurn.unlock();
    }
  }

  /** Work done with a leased store. */
  interface Work<T> {
    T run(Lease lease) throws Exception;
  }

  <T> T with(Work<T> work) throws Exception {
    Lease lease = idle.take();
    try {
      return work.run(lease);
    } finally {
      idle.add(lease);
    }
  }

  @Override
  public void close() {
    all.forEach(l -> l.store().close());
  }
}
