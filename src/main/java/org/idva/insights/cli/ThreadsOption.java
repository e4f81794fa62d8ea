package org.idva.insights.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} option: how many returns are read, checked and fed back at once. */
final class ThreadsOption {
  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "How many returns to read, check and write feedback for, and report workbooks to write,"
              + " at once (default: the number of"
              + " processors). The results and the files written are the same for any N.")
  Integer threads;

  int count() {
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    return Math.max(1, n);
  }
}
