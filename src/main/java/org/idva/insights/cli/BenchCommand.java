package org.idva.insights.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.idva.insights.ingest.BareRead;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.ingest.WorkbookReader;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReturnReadException;
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
        "Read and check the given returns (rows streamed to a counter, nothing kept, no feedback",
        "written), and in the same run make a bare fastexcel-reader pass over the same files that",
        "reads every cell of every sheet. Warm-up rounds first, then measured rounds that",
        "alternate which pass goes first. Prints rows/s, cells/s, peak heap, and the ratio of",
        "the two times (wall clock, and CPU time of the whole process, which a busy machine",
        "disturbs less)."
      })
  static final class Read implements Callable<Integer> {
    @Mixin DefinitionOptions definitions;

    @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "Returns to read.")
    List<Path> targets;

    @Option(
        names = "--rounds",
        defaultValue = "4",
        description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
        names = "--warmup",
        defaultValue = "2",
        description = "Warm-up rounds, not counted (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
      if (rounds < 1 || warmup < 0) {
        System.err.println("--rounds must be 1 or more and --warmup 0 or more");
        return ExitCode.USAGE;
      }
      Schema schema = definitions.loadSchema();
      List<Path> files = new ArrayList<>();
      long bytes = 0;
      for (Path t : targets) {
        for (Path f : ReturnFiles.find(t)) {
          files.add(f);
          bytes += Files.size(f);
        }
      }
      ReturnChecker checker = new ReturnChecker(schema, KnownCases.NONE);
      WorkbookReader reader = new WorkbookReader();
      System.out.printf(
          "%d files, %.1f MiB; java %s, %d processors, max heap %d MiB; load average %.2f%n",
          files.size(),
          bytes / 1048576.0,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          loadAverage());
      List<Pass> bare = new ArrayList<>();
      List<Pass> check = new ArrayList<>();
      for (int round = 1; round <= warmup + rounds; round++) {
        boolean bareFirst = round % 2 == 1;
        Pass b;
        Pass c;
        if (bareFirst) {
          b = measure(() -> bare(files));
          c = measure(() -> check(files, reader, checker));
        } else {
          c = measure(() -> check(files, reader, checker));
          b = measure(() -> bare(files));
        }
        boolean measured = round > warmup;
        System.out.printf(
            "%-9s %-17s bare %6.2f s (cpu %6.2f)  read+check %6.2f s (cpu %6.2f)  ratio %.2f"
                + " (cpu %.2f)  peak heap %d / %d MiB%n",
            measured ? "round " + (round - warmup) : "warm-up " + round,
            bareFirst ? "(bare first)" : "(read+check 1st)",
            b.wall() / 1e9,
            b.cpu() / 1e9,
            c.wall() / 1e9,
            c.cpu() / 1e9,
            (double) c.wall() / b.wall(),
            (double) c.cpu() / b.cpu(),
            b.peakHeap() >> 20,
            c.peakHeap() >> 20);
        if (measured) {
          bare.add(b);
          check.add(c);
        }
      }
      Pass b = bare.get(0);
      Pass c = check.get(0);
      long bareBest = bare.stream().mapToLong(Pass::wall).min().orElseThrow();
      long checkBest = check.stream().mapToLong(Pass::wall).min().orElseThrow();
      List<Double> wallRatios = new ArrayList<>();
      List<Double> cpuRatios = new ArrayList<>();
      for (int i = 0; i < bare.size(); i++) {
        wallRatios.add((double) check.get(i).wall() / bare.get(i).wall());
        cpuRatios.add((double) check.get(i).cpu() / bare.get(i).cpu());
      }
      System.out.printf(
          "rows %,d (kept %,d), non-empty cells %,d%n"
              + "bare fastexcel-reader: %,.0f rows/s, %,.0f cells/s, peak heap %d MiB (best of %d)%n"
              + "read+check:            %,.0f rows/s, %,.0f cells/s, peak heap %d MiB (best of %d)%n"
              + "read+check / bare time: best %.2f, median of rounds %.2f; CPU time: median %.2f%n"
              + "load average %.2f%n",
          b.rows(),
          c.kept(),
          b.cells(),
          b.rows() / (bareBest / 1e9),
          b.cells() / (bareBest / 1e9),
          bare.stream().mapToLong(Pass::peakHeap).max().orElseThrow() >> 20,
          rounds,
          b.rows() / (checkBest / 1e9),
          b.cells() / (checkBest / 1e9),
          check.stream().mapToLong(Pass::peakHeap).max().orElseThrow() >> 20,
          rounds,
          (double) checkBest / bareBest,
          median(wallRatios),
          median(cpuRatios),
          loadAverage());
      return ExitCode.OK;
    }

    /** One pass over the files: what it counted, its times and its peak heap. */
    record Pass(long rows, long cells, long kept, long wall, long cpu, long peakHeap) {}

    /** What a pass counts. */
    record Counts(long rows, long cells, long kept) {}

    interface Work {
      Counts run() throws Exception;
    }

    private static Pass measure(Work work) throws Exception {
      resetPeak();
      long cpu0 = processCpu();
      long t0 = System.nanoTime();
      Counts n = work.run();
      long wall = System.nanoTime() - t0;
      long cpu = processCpu() - cpu0;
      return new Pass(n.rows(), n.cells(), n.kept(), wall, cpu, peakHeap());
    }

    /** fastexcel-reader alone: every row and cell of every sheet, nothing else. */
    private static Counts bare(List<Path> files) throws Exception {
      long rows = 0;
      long cells = 0;
      for (Path f : files) {
        BareRead.Count n = BareRead.count(f);
        rows += n.rows();
        cells += n.cells();
      }
      return new Counts(rows, cells, -1);
    }

    /** What {@code validate} does to a return short of writing feedback: open, check, stream. */
    private static Counts check(List<Path> files, WorkbookReader reader, ReturnChecker checker)
        throws Exception {
      long[] kept = {0};
      for (Path f : files) {
        try (RawWorkbook wb = reader.open(f)) {
          checker.check(f, wb, row -> kept[0]++);
        } catch (ReturnReadException e) {
          checker.unreadable(f, e);
        }
      }
      return new Counts(-1, -1, kept[0]);
    }

    private static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double loadAverage() {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU time of the whole process (all threads: the pass, the collector, the compiler). */
    private static long processCpu() {
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        return os.getProcessCpuTime();
      }
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
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
