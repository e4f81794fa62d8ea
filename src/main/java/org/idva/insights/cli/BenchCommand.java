package org.idva.insights.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.idva.insights.ingest.BareRead;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.ingest.WorkbookReader;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.schema.Schema;
import org.idva.insights.validate.KnownCases;
import org.idva.insights.validate.ReturnChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code insights bench}: measures the pipeline's stages on real files. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks: rows and cells per second and peak heap.",
    subcommands = {BenchCommand.Read.class},
    footer = ExitCode.HELP_FOOTER)
final class BenchCommand {

  /**
   * {@code insights bench read FILE|FOLDER...}: read+check against a bare fastexcel-reader pass.
   */
  @Command(
      name = "read",
      mixinStandardHelpOptions = true,
      description = {
        "Read and check the given returns (rows streamed to a counter, nothing kept), and in the",
        "same run make a bare fastexcel-reader pass over the same files. Prints rows/s, cells/s,",
        "peak heap and the ratio of the two times. The first round warms up and is not counted."
      })
  static final class Read implements Callable<Integer> {
    @Mixin DefinitionOptions definitions;

    @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "Returns to read.")
    List<Path> targets;

    @Option(
        names = "--rounds",
        defaultValue = "3",
        description = "Measured rounds after one warm-up round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
      Schema schema = definitions.loadSchema();
      List<Path> files = new ArrayList<>();
      for (Path t : targets) {
        files.addAll(ReturnFiles.find(t));
      }
      ReturnChecker checker = new ReturnChecker(schema, KnownCases.NONE);
      WorkbookReader reader = new WorkbookReader();
      System.out.printf(
          "%d files; JVM max heap %d MiB; %d processors%n",
          files.size(),
          Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors());
      long bareBest = Long.MAX_VALUE;
      long checkBest = Long.MAX_VALUE;
      long barePeak = 0;
      long checkPeak = 0;
      long cells = 0;
      long rows = 0;
      long kept = 0;
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        resetPeak();
        long t0 = System.nanoTime();
        long c = 0;
        long r = 0;
        for (Path f : files) {
          BareRead.Count n = BareRead.count(f);
          c += n.cells();
          r += n.rows();
        }
        long bare = System.nanoTime() - t0;
        long bp = peakHeap();
        resetPeak();
        long t1 = System.nanoTime();
        long[] k = {0};
        for (Path f : files) {
          try (RawWorkbook wb = reader.open(f)) {
            checker.check(f, wb, row -> k[0]++);
          }
        }
        long check = System.nanoTime() - t1;
        long cp = peakHeap();
        String label = round == 0 ? "warm-up" : "round " + round;
        System.out.printf(
            "%-8s bare %7.2f s   read+check %7.2f s   ratio %.2f   peak heap bare %d MiB,"
                + " read+check %d MiB%n",
            label, bare / 1e9, check / 1e9, (double) check / bare, bp >> 20, cp >> 20);
        if (round > 0) {
          ratios.add((double) check / bare);
          bareBest = Math.min(bareBest, bare);
          checkBest = Math.min(checkBest, check);
          barePeak = Math.max(barePeak, bp);
          checkPeak = Math.max(checkPeak, cp);
        }
        cells = c;
        rows = r;
        kept = k[0];
      }
      System.out.printf(
          "rows %,d (kept %,d), cells %,d%n"
              + "bare fastexcel-reader: %,.0f rows/s, %,.0f cells/s, peak heap %d MiB%n"
              + "read+check:            %,.0f rows/s, %,.0f cells/s, peak heap %d MiB%n"
              + "read+check / bare time: %.2f (best times of %d rounds); median of per-round"
              + " ratios %.2f%n",
          rows,
          kept,
          cells,
          rows / (bareBest / 1e9),
          cells / (bareBest / 1e9),
          barePeak >> 20,
          rows / (checkBest / 1e9),
          cells / (checkBest / 1e9),
          checkPeak >> 20,
          (double) checkBest / bareBest,
          rounds,
          median(ratios));
      return ExitCode.OK;
    }

    private static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n == 0
          ? 0
          : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void resetPeak() {
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
    }

    private static long peakHeap() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum;
    }
  }
}
