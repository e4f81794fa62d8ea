package org.idva.insights.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM the tool runs in. Java's default collector on a server-class machine lets the heap grow
 * towards a quarter of the machine's memory before it collects much: a run whose data needs 200 MB
 * shows gigabytes. Its optimising compiler pays off in processes that run for many minutes; in a
 * run of seconds on two cores it takes much of the CPU from the work. So when the tool is started
 * without a choice of heap or collector, {@code main} starts itself again in a child JVM with the
 * parallel collector and a heap that grows only as collecting needs ({@link #COLLECTOR} for a
 * server: when it takes more than a fifth of the time; {@link #BATCH_COLLECTOR} for a batch
 * command: a twentieth, bounded by what its data needs, {@link #batchHeap}) and, for a batch
 * command ({@code run}, {@code validate}, {@code tables}...) on less than {@link #LARGE_INPUT} of
 * data, {@link #BATCH} (the quick compiler only; larger runs, and the long-running {@code serve}
 * and {@code mail}, keep both). {@code INSIGHTS_HEAP=1g} also caps the heap; {@code
 * INSIGHTS_HEAP=default} runs the tool as started. docs/performance.md has the measurements.
 *
 * <p>The child has the same options (after these, so they win), arguments, standard streams and
 * exit code, and stops when its parent does. Not done for {@code bench} (a measurement must run as
 * it was started) nor under a profiler or agent. The child maps the tool's classes from a {@link
 * ClassArchive} when there is one. Only JDK classes are used here (and in ClassArchive): nothing
 * else is loaded in the parent.
 */
final class ChildJvm {
  /** The environment variable capping the heap ({@code 768m}, {@code 2g}) or {@code default}. */
  static final String ENV = "INSIGHTS_HEAP";

  /**
   * The collector and heap sizing of a server's child (serve, mail): the heap grows only when
   * collecting takes more than a fifth of the time, and its ceiling is the JVM's default.
   */
  static final List<String> COLLECTOR = List.of("-XX:+UseParallelGC", "-XX:GCTimeRatio=4");

  /**
   * The collector and heap sizing of a batch command's child: the heap grows when collecting takes
   * more than a twentieth of the time, up to the bound {@link #batchHeap} sets. Against a fifth,
   * measured in pairs (session 13, docs/performance.md): `run` on the sample 4.18 to 4.43 s against
   * 4.47 to 4.69 s (five runs each) at 263 to 270 MB against 236 to 255 MB; at ten times the sample
   * 16.13 to 16.49 s against 16.73 to 17.57 s at 375 MB against 326 MB; at a hundred times (the
   * heap at its bound either way) 107.7 and 102.9 s against 111.3 and 105.6 s in the same 622 to
   * 626 MB.
   */
  static final List<String> BATCH_COLLECTOR = List.of("-XX:+UseParallelGC", "-XX:GCTimeRatio=19");

  /** The heap a child starts with, unless {@link #BATCH_START_HEAP}. */
  static final String START_HEAP = "-Xms32m";

  /**
   * The heap a batch command's child starts with when the tool bounds it ({@link #batchHeap}, at
   * least {@link #BATCH_HEAP_FLOOR}). `run` on the sample, the child started directly, four pairs
   * (session 16, docs/performance.md): 4.14 to 4.26 s against 4.19 to 4.45 s started at 32 MB, at
   * 262 to 277 MB against 233 to 246 MB.
   */
  static final String BATCH_START_HEAP = "-Xms128m";

  /**
   * The compiler options of a batch command's child: the quick compiler only, which compiles a
   * method once it has run half as often as the JVM's defaults ask (200 calls, 2,000 calls and
   * loops, 60,000 loops), so a run of seconds interprets less. `run` on the sample, with {@link
   * #BATCH_START_HEAP}, four pairs (session 16, docs/performance.md): 4.03 to 4.26 s against 4.14
   * to 4.26 s at the default thresholds; at five times the defaults 4.80 to 5.02 s against 4.39 to
   * 4.60 s.
   */
  static final List<String> BATCH =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:Tier3InvocationThreshold=100",
          "-XX:Tier3MinInvocationThreshold=50",
          "-XX:Tier3CompileThreshold=1000",
          "-XX:Tier3BackEdgeThreshold=30000");

  /**
   * With {@link #BATCH} on two processors or fewer: one compiler thread, not the two the JVM starts
   * there, so compiling takes less of the processors from the work. `run` on the sample, the child
   * started directly, eight pairs (session 16, docs/performance.md): 4.21 to 4.40 s against 4.21 to
   * 4.52 s, faster in seven; scale 10, three pairs, 16.51 to 16.91 s against 16.73 to 16.96 s.
   */
  static final String ONE_COMPILER_THREAD = "-XX:CICompilerCount=1";

  /**
   * From this much data on, a batch command keeps the optimising compiler: the files and folders
   * its arguments name (or {@code input/} and {@code store/insights.db} when none is named), their
   * files summed, not their subfolders'. Ten times the sample (50 MB) runs as fast with the quick
   * compiler only; a hundred times (370 MB) runs 40% slower with it (docs/performance.md).
   */
  static final long LARGE_INPUT = 150L << 20;

  /**
   * The least heap a batch command's child gets when none is chosen; with {@link #BATCH_OLD_SHARE},
   * as much room for old objects (300 MB) as the 448 MB it was before with the default split. The
   * parallel collector grows the heap whenever collecting takes more than a fifth of the time and
   * never gives it back: `run` on ten times the sample (50 MB of returns, a fresh store) peaked at
   * 734 to 892 MB without a bound, and takes the same time bounded at 320 MB (34.6 s, 446 MB) as
   * unbounded (docs/performance.md). When the JVM's own default heap is smaller, that is kept.
   */
  static final long BATCH_HEAP_FLOOR = 400L << 20;

  /**
   * The collector's split of a bounded batch heap: two thirds for old objects, one third for young
   * (the parallel collector's default, given explicitly). What a batch command keeps to the end is
   * old (the report's columns, about 220 MB at a hundred times the sample); while the returns are
   * checked, what lives is the returns under way, which a larger young generation lets die young.
   * Three quarters for old objects (chosen on 2026-12-06, when the report's phase was heavier:
   * 237.7 s against 261.1 s at a hundred times the sample) now costs time there: in session 18's
   * pairs, with the rows stored in their sheet's layout, `run` at a hundred times the sample took
   * 83.99 s against 88.30 s, with 618 young and 58 full collections pausing it 9.1 s against 880
   * and 85 pausing it 12.2 s (the child started directly); at ten times the same time (12.83 to
   * 12.90 s against 12.85 to 13.01 s) and on the sample 3.76 to 3.78 s against 3.77 to 3.87 s,
   * peaking 14 to 31 MB higher (docs/performance.md).
   */
  static final String BATCH_OLD_SHARE = "-XX:NewRatio=2";

  /**
   * The store's bytes per byte of the report's columns (as {@link #batchHeap} estimates them): the
   * store holds a form row in about 360 bytes (with its indexes, the values as a JSON array in the
   * sheet's layout and coded answers as numbers; about 620 with codes as text before migration V11,
   * 1,140 as JSON objects before V9), and the columns in about 70: a store of 1.14 GB at a hundred
   * times the sample loads into about 220 MB of columns.
   */
  static final int STORE_BYTES_PER_COLUMN_BYTE = 5;

  /**
   * The heap a batch command's child gets when none is chosen: what the report's columns of its
   * data take, and a tenth more; at least {@link #BATCH_HEAP_FLOOR}. The columns are estimated as
   * the larger of the returns' bytes and a fifth of the store's, not their sum: the returns a run
   * is given are mostly rows the store already holds (input/ keeps every quarter's return). The
   * estimate is generous: at a hundred times the sample (366 MB of returns, a 1.14 GB store) the
   * columns take about 220 MB, and the heap is 403 MB for `run` and `tables` (the floor).
   * Everything else a batch command holds is bounded whatever the data: a return at a time per
   * core, a workbook at a time per core.
   */
  static long batchHeap(DataSize data) {
    long columns = Math.max(data.returns(), data.other() / STORE_BYTES_PER_COLUMN_BYTE);
    return Math.max(BATCH_HEAP_FLOOR, columns + columns / 10);
  }

  /**
   * The bytes of a batch command's data: its returns ({@code .xlsx} and {@code .xls} files) and the
   * rest (the case store).
   */
  record DataSize(long returns, long other) {
    long total() {
      return returns + other;
    }
  }

  /** Where a batch command reads when no path is given (RunCommand, StoreOptions defaults). */
  private static final List<String> DEFAULT_PATHS =
      List.of("input", org.idva.insights.store.StoreConfig.DEFAULT_PATH); // a constant: inlined

  /** The commands that run until stopped: they keep the JVM's optimising compiler. */
  static final List<String> SERVERS = List.of("serve", "mail");

  /** Set in the child, so it never starts another. */
  static final String CHILD = "insights.childJvm";

  /** Options that choose the heap or collector, or watch the JVM: then the tool runs as started. */
  private static final List<String> CHOSEN =
      List.of(
          "-Xmx",
          "-XX:MaxHeapSize",
          "-XX:MaxRAMPercentage",
          "-XX:MaxRAMFraction",
          "-XX:StartFlightRecording",
          "-agentlib:",
          "-agentpath:",
          "-javaagent:",
          "-D" + CHILD);

  private ChildJvm() {}

  /**
   * The child's command line, or empty when the tool should run here.
   *
   * @param jvmOptions this JVM's options (from the runtime bean)
   * @param args the tool's arguments
   * @param env the environment
   * @param java this JVM's {@code java} executable
   * @param classPath this JVM's class path
   * @param defaultHeap the heap this JVM got by default (its maximum)
   * @param processors the processors this JVM may use
   */
  static Optional<List<String>> childCommand(
      List<String> jvmOptions,
      String[] args,
      Map<String, String> env,
      String java,
      String classPath,
      long defaultHeap,
      int processors) {
    String cap = env.getOrDefault(ENV, "").trim();
    if (cap.equalsIgnoreCase("default")
        || (!cap.isEmpty() && bytes(cap) <= 0)
        || (args.length > 0 && args[0].equals("bench"))
        || jvmOptions.stream().anyMatch(ChildJvm::chosen)) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    boolean batch = args.length > 0 && !SERVERS.contains(args[0]);
    DataSize data = batch ? dataSize(args) : new DataSize(0, 0);
    if (batch && data.total() < LARGE_INPUT) {
      cmd.addAll(BATCH);
      if (processors <= 2) {
        cmd.add(ONE_COMPILER_THREAD);
      }
    }
    cmd.addAll(batch ? BATCH_COLLECTOR : COLLECTOR);
    long heap = batchHeap(data);
    boolean bounded = cap.isEmpty() && batch && heap < defaultHeap;
    cmd.add(bounded ? BATCH_START_HEAP : START_HEAP);
    if (bounded) {
      cmd.add(BATCH_OLD_SHARE); // before the given options, so theirs win
    }
    cmd.addAll(jvmOptions);
    if (!cap.isEmpty()) {
      cmd.add("-Xmx" + cap.toLowerCase(Locale.ROOT));
    } else if (bounded) {
      cmd.add("-Xmx" + (heap >> 20) + "m");
    }
    Optional<ClassArchive> archive = archive(env, classPath);
    archive.ifPresent(a -> cmd.addAll(a.options(args)));
    cmd.add("-D" + CHILD + "=true");
    cmd.add("-cp");
    cmd.add(archive.map(ClassArchive::classPath).orElse(classPath));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return Optional.of(cmd);
  }

  /** The class archive for this class path and JVM, when one may be used. */
  static Optional<ClassArchive> archive(Map<String, String> env, String classPath) {
    return ClassArchive.of(
        env, classPath, System.getProperty("java.home"), System.getProperty("java.vm.version"));
  }

  /** Whether a JVM option chooses the heap or the collector ({@code -XX:+Use...GC}), or watches. */
  private static boolean chosen(String option) {
    return CHOSEN.stream().anyMatch(option::startsWith)
        || (option.startsWith("-XX:+Use") && option.endsWith("GC"));
  }

  /**
   * The bytes of the files the arguments name, and of the files directly in the folders they name;
   * the default paths' when no argument is an existing path.
   */
  static DataSize dataSize(String[] args) {
    List<java.nio.file.Path> paths = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("-") || a.isBlank()) {
        continue;
      }
      try {
        java.nio.file.Path p = java.nio.file.Path.of(a);
        if (java.nio.file.Files.exists(p)) {
          paths.add(p);
        }
      } catch (java.nio.file.InvalidPathException e) {
        // not a path
      }
    }
    if (paths.isEmpty()) {
      DEFAULT_PATHS.stream().map(java.nio.file.Path::of).forEach(paths::add);
    }
    long[] total = new long[2]; // returns, other
    for (java.nio.file.Path p : paths) {
      add(p, total);
    }
    return new DataSize(total[0], total[1]);
  }

  private static void add(java.nio.file.Path p, long[] total) {
    try {
      if (java.nio.file.Files.isRegularFile(p)) {
        addFile(p, total);
        return;
      }
      if (!java.nio.file.Files.isDirectory(p)) {
        return;
      }
      try (var files = java.nio.file.Files.list(p)) {
        for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
          if (java.nio.file.Files.isRegularFile(f)) {
            addFile(f, total);
          }
        }
      }
    } catch (java.io.IOException | SecurityException e) {
      // unreadable: not counted
    }
  }

  private static void addFile(java.nio.file.Path f, long[] total) throws java.io.IOException {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean workbook = name.endsWith(".xlsx") || name.endsWith(".xls");
    total[workbook ? 0 : 1] += java.nio.file.Files.size(f);
  }

  /** {@code 512m}, {@code 2g}, {@code 786432k} or a number of bytes; -1 when unreadable. */
  static long bytes(String size) {
    String s = size.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return -1;
    }
    long unit =
        switch (s.charAt(s.length() - 1)) {
          case 'k' -> 1L << 10;
          case 'm' -> 1L << 20;
          case 'g' -> 1L << 30;
          default -> 1;
        };
    String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 12) {
      return -1;
    }
    return Long.parseLong(digits) * unit;
  }

  /**
   * Runs the tool in a child JVM when {@link #childCommand} says so; returns its exit code, or
   * empty when the tool should run in this JVM (also when the child could not be started).
   */
  static Optional<Integer> runInChild(String[] args) {
    if (System.getProperty(CHILD) != null) {
      stopWithParent();
      return Optional.empty();
    }
    Optional<List<String>> cmd =
        childCommand(
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
            args,
            System.getenv(),
            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            System.getProperty("java.class.path"),
            Runtime.getRuntime().maxMemory(),
            Runtime.getRuntime().availableProcessors());
    if (cmd.isEmpty()) {
      return Optional.empty();
    }
    Optional<ClassArchive> archive =
        archive(System.getenv(), System.getProperty("java.class.path"));
    Process child;
    try {
      child = new ProcessBuilder(cmd.get()).inheritIO().start();
    } catch (java.io.IOException e) {
      return Optional.empty(); // run here, with the JVM's own heap
    }
    Thread stop =
        new Thread(
            () -> {
              if (child.isAlive()) {
                child.destroy(); // SIGTERM: the child's own shutdown runs
                try {
                  child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            "insights-child-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    while (true) {
      try {
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        archive.ifPresent(a -> a.keep(code));
        return Optional.of(code);
      } catch (InterruptedException e) {
        // keep waiting: the child decides when the run ends
      }
    }
  }

  /** In the child: if the parent goes away (killed outright), so does the child. */
  private static void stopWithParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(ExitCode.IO)));
  }
}
