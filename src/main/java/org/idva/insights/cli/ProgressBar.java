package org.idva.insights.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error: files done of all, files per second and the time left
 * at that rate. Drawn only on a terminal (a log file, a pipe or CI output gets nothing) and only
 * for long runs.
 */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;
  private static final int LINE = WIDTH + 80;
  private final PrintStream err;
  private final int total;
  private final boolean enabled;
  private final LongSupplier nanos;
  private final long start;
  private int done;

  ProgressBar(int total) {
    this(System.err, total, System.console() != null && total >= 10, System::nanoTime);
  }

  ProgressBar(PrintStream err, int total, boolean enabled, LongSupplier nanos) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  void step(String what) {
    done++;
    if (!enabled) {
      return;
    }
    err.print("\r" + line(what));
    err.flush();
  }

  /** The bar after {@code done} files: {@code [#### ] 12/108 3.4/s ETA 0:28 name}. */
  String line(String what) {
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    String bar = "#".repeat(filled) + " ".repeat(WIDTH - filled);
    String label = what.length() > 32 ? what.substring(0, 32) : what;
    long elapsed = nanos.getAsLong() - start;
    double rate = elapsed > 0 ? done * 1e9 / elapsed : 0;
    String eta =
        done > 0 && elapsed > 0
            ? clock((long) Math.ceil((double) (total - done) * elapsed / done / 1e9))
            : "?";
    return String.format("[%s] %d/%d %.1f/s ETA %s %-32s", bar, done, total, rate, eta, label);
  }

  private static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }

  /** Clears the bar so a line printed next starts clean. */
  void clearLine() {
    if (enabled) {
      err.print("\r" + " ".repeat(LINE) + "\r");
      err.flush();
    }
  }

  @Override
  public void close() {
    clearLine();
  }
}
