package org.idva.insights.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs independent jobs on up to {@code threads} threads and hands their results on in the order
 * the jobs were given, as running them one after the other would. At most {@code threads} jobs run
 * at once, so what each holds while it runs (a workbook) is held at most that many times over. The
 * first failure, in job order, is thrown after the jobs still running have been stopped.
 */
final class InOrder {
  private InOrder() {}

  static <T> void run(List<Callable<T>> jobs, int threads, Consumer<T> done) throws IOException {
    if (threads <= 1 || jobs.size() <= 1) {
      for (Callable<T> job : jobs) {
        done.accept(call(job));
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, jobs.size()),
            r -> {
              Thread t = new Thread(r, "report");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> job : jobs) {
        futures.add(pool.submit(job));
      }
      for (Future<T> f : futures) {
        done.accept(result(f));
      }
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static <T> T call(Callable<T> job) throws IOException {
    try {
      return job.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A job's result, or what it threw: an I/O, runtime or error as it was thrown, anything else as
   * an I/O failure.
   */
  static <T> T result(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }
}
