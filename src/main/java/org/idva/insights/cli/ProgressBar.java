package org.idva.insights.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on standard error, drawn only on a terminal (a log file or CI output gets
 * nothing) and only for long runs.
 */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final int total;
  private final boolean enabled;
  private int done;

  ProgressBar(int total) {
    this(System.err, total, System.console() != null && total >= 10);
  }

  ProgressBar(PrintStream err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  void step(String what) {
    done++;
    if (!enabled) {
      return;
    }
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    String bar = "#".repeat(filled) + " ".repeat(WIDTH - filled);
    String label = what.length() > 40 ? what.substring(0, 40) : what;
    err.printf("\r[%s] %d/%d %-40s", bar, done, total, label);
    err.flush();
  }

  /** Clears the bar so a line printed next starts clean. */
  void clearLine() {
    if (enabled) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
    }
  }

  @Override
  public void close() {
    if (enabled) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
    }
  }
}
