package org.idva.insights.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
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
    subcommands = {BenchCommand.Read.class, BenchCommand.Floor.class},
    footer = ExitCode.HELP_FOOTER)
final class BenchCommand {

  /**
   * {@code insights bench floor FILE|FOLDER...}: the read floor as a whole process: a bare
   * fastexcel-reader pass over every cell of every sheet of the given returns, one file after the
   * other, nothing else. {@code bench/run.sh} times it against {@code run} and {@code validate}.
   */
  @Command(
      name = "floor",
      mixinStandardHelpOptions = true,
      description = {
        "Read every cell of every sheet of the given returns with a bare fastexcel-reader pass,",
        "one file after the other, and print the rows and non-empty cells seen: the read floor",
        "that bench/run.sh compares whole runs of the tool with."
      })
  static final class Floor implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "Returns to read.")
    List<Path> targets;

    @Override
    public Integer call() throws Exception {
      long rows = 0;
      long cells = 0;
      int files = 0;
      for (Path target : targets) {
        for (Path file : ReturnFiles.find(target)) {
          try {
            BareRead.Count c = BareRead.count(file);
            rows += c.rows();
            cells += c.cells();
            files++;
          } catch (java.io.IOException | RuntimeException e) {
            System.err.println(file.getFileName() + ": not read (" + e.getMessage() + ")");
          }
        }
      }
      System.out.printf("%d files, %d rows, %d non-empty cells%n", files, rows, cells);
      return ExitCode.OK;
    }
  }

  /**
   * {@code insights bench read FILE|FOLDER...}: read+check against a bare fastexcel-reader pass.
   */
  @Command(
      name = "read",
      mixinStandardHelpOptions = true,
      description = {
        "Read and check the given returns (rows streamed to a counter, nothing kept, no feedback",
        "written), and in the same run make a bare fastexcel-reader pass over the same files that",
        "reads every cell of every sheet. Each round times both, file by file, alternating which",
        "goes first, so a busy spell on a shared machine falls on both alike; warm-up rounds are",
        "not counted. Prints rows/s, cells/s, the ratio of the two times (wall clock, and CPU",
        "time of the reading thread), then the peak heap and the live heap after collections of",
        "one whole pass of each."
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
      List<Round> measured = new ArrayList<>();
      for (int round = 1; round <= warmup + rounds; round++) {
        Round r = interleaved(files, reader, checker, round);
        boolean counted = round > warmup;
        System.out.printf(
            "%-9s bare %6.2f s (cpu %6.2f, gc %5.2f)  read+check %6.2f s (cpu %6.2f, gc %5.2f)"
                + "  ratio %.2f (cpu %.2f)  load %.1f%n",
            counted ? "round " + (round - warmup) : "warm-up " + round,
            r.bareWall() / 1e9,
            r.bareCpu() / 1e9,
            r.bareGcMillis() / 1e3,
            r.checkWall() / 1e9,
            r.checkCpu() / 1e9,
            r.checkGcMillis() / 1e3,
            r.wallRatio(),
            r.cpuRatio(),
            loadAverage());
        if (counted) {
          measured.add(r);
        }
      }
      // Heap: one whole pass of each, alone, after a collection.
      Pass bare = measure(() -> bare(files));
      Pass check = measure(() -> check(files, reader, checker));
      Round first = measured.get(0);
      long bareBest = measured.stream().mapToLong(Round::bareWall).min().orElseThrow();
      long checkBest = measured.stream().mapToLong(Round::checkWall).min().orElseThrow();
      System.out.printf(
          "rows %,d (kept %,d), non-empty cells %,d%n"
              + "bare fastexcel-reader: %,.0f rows/s, %,.0f cells/s (best of %d rounds);"
              + " heap peak %d MiB, live after GC %d MiB%n"
              + "read+check:            %,.0f rows/s, %,.0f cells/s (best of %d rounds);"
              + " heap peak %d MiB, live after GC %d MiB%n"
              + "read+check / bare time: median of rounds %.2f (wall), %.2f (cpu); best times"
              + " %.2f%n"
              + "load average %.2f%n",
          first.rows(),
          first.kept(),
          first.cells(),
          first.rows() / (bareBest / 1e9),
          first.cells() / (bareBest / 1e9),
          rounds,
          bare.peakHeap() >> 20,
          bare.liveHeap() >> 20,
          first.rows() / (checkBest / 1e9),
          first.cells() / (checkBest / 1e9),
          rounds,
          check.peakHeap() >> 20,
          check.liveHeap() >> 20,
          median(measured.stream().map(Round::wallRatio).toList()),
          median(measured.stream().map(Round::cpuRatio).toList()),
          (double) checkBest / bareBest,
          loadAverage());
      return ExitCode.OK;
    }

    /**
     * Both passes over every file, file by file, alternating which goes first (so a busy spell on
     * the shared machine falls on both alike): wall and CPU time of this thread per pass.
     */
    record Round(
        long rows,
        long cells,
        long kept,
        long bareWall,
        long checkWall,
        long bareCpu,
        long checkCpu,
        long bareGcMillis,
        long checkGcMillis) {
      double wallRatio() {
        return (double) checkWall / bareWall;
      }

      double cpuRatio() {
        return (double) checkCpu / bareCpu;
      }
    }

    private static Round interleaved(
        List<Path> files, WorkbookReader reader, ReturnChecker checker, int round)
        throws Exception {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[] wall = new long[2];
      long[] cpu = new long[2];
      long[] gc = new long[2];
      Counts bareCounts = new Counts(0, 0, 0);
      Counts checkCounts = new Counts(0, 0, 0);
      for (int i = 0; i < files.size(); i++) {
        List<Path> one = List.of(files.get(i));
        for (int k = 0; k < 2; k++) {
          boolean bare = (i + round + k) % 2 == 0;
          long g0 = gcMillis();
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          Counts n = bare ? bare(one) : check(one, reader, checker);
          wall[bare ? 0 : 1] += System.nanoTime() - t0;
          cpu[bare ? 0 : 1] += threads.getCurrentThreadCpuTime() - c0;
          gc[bare ? 0 : 1] += gcMillis() - g0;
          if (bare) {
            bareCounts = bareCounts.plus(n);
          } else {
            checkCounts = checkCounts.plus(n);
          }
        }
      }
      return new Round(
          bareCounts.rows(),
          bareCounts.cells(),
          checkCounts.kept(),
          wall[0],
          wall[1],
          cpu[0],
          cpu[1],
          gc[0],
          gc[1]);
    }

    /** Milliseconds the collectors have spent so far (pauses and concurrent work). */
    private static long gcMillis() {
      long ms = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ms += Math.max(0, gc.getCollectionTime());
      }
      return ms;
    }

    /** One pass over the files: what it counted, its times and its peak heap. */
    record Pass(
        long rows, long cells, long kept, long wall, long cpu, long peakHeap, long liveHeap) {}

    /** What a pass counts. */
    record Counts(long rows, long cells, long kept) {
      Counts plus(Counts o) {
        return new Counts(rows + o.rows, cells + o.cells, kept + o.kept);
      }
    }

    interface Work {
      Counts run() throws Exception;
    }

    private static Pass measure(Work work) throws Exception {
      resetPeak();
      LIVE.set(0);
      long cpu0 = processCpu();
      long t0 = System.nanoTime();
      Counts n = work.run();
      long wall = System.nanoTime() - t0;
      long cpu = processCpu() - cpu0;
      return new Pass(n.rows(), n.cells(), n.kept(), wall, cpu, peakHeap(), LIVE.get());
    }

    /**
     * The most heap in use just after a garbage collection during the pass: what the pass kept
     * alive, not the garbage the collector had not yet needed to clear.
     */
    private static final AtomicLong LIVE = new AtomicLong();

    static {
      Set<String> heapPools = new HashSet<>();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          heapPools.add(pool.getName());
        }
      }
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(
              (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  long used = 0;
                  for (Map.Entry<String, MemoryUsage> e :
                      GarbageCollectionNotificationInfo.from(
                              (CompositeData) notification.getUserData())
                          .getGcInfo()
                          .getMemoryUsageAfterGc()
                          .entrySet()) {
                    if (heapPools.contains(e.getKey())) {
                      used += e.getValue().getUsed();
                    }
                  }
                  LIVE.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
        }
      }
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
      return new Counts(rows, cells, 0);
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
      return new Counts(0, 0, kept[0]);
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
