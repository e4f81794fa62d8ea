package org.idva.insights.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.schema.Schema;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.idva.insights.store.SyntheticReturns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights bench-ingest}: ingest throughput into the case store. Generates seeded synthetic
 * returns in memory (sample-sized by default: 9 services × 12 quarters, about 65 cases each; {@code
 * --scale} multiplies the cases), ingests them into a new SQLite file and, with {@code --pg}, into
 * an empty PostgreSQL database, then streams the merged case data back. Prints rows/s and peak
 * heap.
 */
@Command(
    name = "bench-ingest",
    mixinStandardHelpOptions = true,
    description =
        "Measure ingest throughput into the case store (rows/s, peak heap) on synthetic"
            + " returns: into a new SQLite file, and into an empty PostgreSQL database when --pg"
            + " is given.",
    footer = ExitCode.HELP_FOOTER)
final class BenchIngestCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description = "Multiply the sample's cases per return by this (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--services",
      defaultValue = "9",
      description = "Services (default: ${DEFAULT-VALUE}).")
  int services;

  @Option(
      names = "--cases",
      defaultValue = "65",
      description = "Cases per return before scaling (default: ${DEFAULT-VALUE}, as the sample).")
  int cases;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--pg",
      paramLabel = "JDBC-URL",
      description = "Also measure PostgreSQL, in this empty database.")
  String pg;

  @Override
  public Integer call() throws IOException {
    Schema schema = definitions.loadSchema();
    List<ReportingQuarter> quarters = ReportingQuarter.range(2020, 2022);
    int perReturn = cases * scale;
    System.out.printf(
        "Ingest into the case store: %d services x %d quarters, %d cases per return (scale %d,"
            + " seed %d), %d cores, max heap %d MB%n",
        services,
        quarters.size(),
        perReturn,
        scale,
        seed,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        "%-11s %9s %9s %10s %12s %14s%n",
        "store", "returns", "rows", "seconds", "ingest rows/s", "peak heap MB");
    Path dir = Files.createTempDirectory("insights-bench");
    try {
      run("sqlite", dir.resolve("bench.db").toString(), schema, quarters, perReturn);
      if (pg != null) {
        run("postgresql", pg, schema, quarters, perReturn);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return ExitCode.OK;
  }

  private void run(
      String name, String location, Schema schema, List<ReportingQuarter> quarters, int perReturn) {
    SyntheticReturns generator = new SyntheticReturns(schema);
    try (CaseStore store = CaseStore.open(StoreConfig.of(location, schema))) {
      if (!store.history(null).isEmpty()) {
        System.err.printf(
            "%s: the store %s is not empty; give an empty database.%n",
            name, store.config().describe());
        return;
      }
      System.gc();
      resetPeaks();
      long rows = 0;
      long nanos = 0;
      int returns = 0;
      for (int s = 1; s <= services; s++) {
        String service = String.format("SVC%02d", s);
        int nextCase = 1;
        for (ReportingQuarter q : quarters) {
          CheckedReturn r = generator.generate(service, q, nextCase, perReturn, seed * 1000 + s);
          nextCase += perReturn;
          long start = System.nanoTime();
          rows += store.ingest(r).rowsStored();
          nanos += System.nanoTime() - start;
          returns++;
        }
      }
      long ingestPeak = peakHeapMb();
      print(name, returns, rows, nanos, ingestPeak);

      resetPeaks();
      long start = System.nanoTime();
      long[] read = {0};
      for (var sheet : schema.sheets()) {
        store.caseData().forEachRow(sheet.ref(), r -> read[0]++);
      }
      print(name + " read", 0, read[0], System.nanoTime() - start, peakHeapMb());
    }
  }

  private static void print(String name, int returns, long rows, long nanos, long peakMb) {
    double seconds = nanos / 1e9;
    System.out.printf(
        "%-11s %9s %9d %10.2f %12.0f %14d%n",
        name,
        returns == 0 ? "-" : Integer.toString(returns),
        rows,
        seconds,
        rows / seconds,
        peakMb);
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMb() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        pools.add(p);
      }
    }
    return pools;
  }
}
