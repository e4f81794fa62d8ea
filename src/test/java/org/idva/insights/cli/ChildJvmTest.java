package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.lang3.ArrayUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heap the tool gives itself when started without one (ChildJvm), and when it does not. */
class ChildJvmTest {
  private static final long GB = 1L << 30;
  private static final String[] RUN = {"run", "--input", "in"};

  /** What every child command ends with: the mark, the class path, the class, the arguments. */
  private static final String[] TAIL =
      ArrayUtils.addAll(
          new String[] {"-D" + ChildJvm.CHILD + "=true", "-cp", "app.jar", Main.class.getName()},
          RUN);

  private static List<String> child(List<String> jvm, String[] args, Map<String, String> env) {
    return ChildJvm.childCommand(jvm, args, env, "/jdk/bin/java", "app.jar", 6 * GB, 2)
        .orElse(null);
  }

  @Test
  void aJvmStartedWithoutChoicesRunsTheToolInAChildWithTheSameOptionsAndArguments() {
    List<String> cmd = child(List.of("-Dinsights.limit.rows=9", "-ea"), RUN, Map.of());
    long heap = ChildJvm.batchHeap(ChildJvm.dataSize(RUN));
    assertThat(cmd)
        .startsWith(
            "/jdk/bin/java",
            "-XX:TieredStopAtLevel=1",
            "-XX:Tier3InvocationThreshold=100",
            "-XX:Tier3MinInvocationThreshold=50",
            "-XX:Tier3CompileThreshold=1000",
            "-XX:Tier3BackEdgeThreshold=30000",
            "-XX:CICompilerCount=1",
            "-XX:+UseParallelGC",
            "-XX:GCTimeRatio=19",
            "-Xms128m",
            ChildJvm.BATCH_OLD_SHARE,
            "-Dinsights.limit.rows=9",
            "-ea",
            "-Xmx" + (heap >> 20) + "m")
        .endsWith(TAIL)
        .hasSize(14 + TAIL.length);
    // one compiler thread only on two processors or fewer, and only with the quick compiler
    assertThat(ChildJvm.childCommand(List.of(), RUN, Map.of(), "java", "app.jar", 6 * GB, 8))
        .get()
        .asList()
        .contains("-XX:TieredStopAtLevel=1")
        .doesNotContain("-XX:CICompilerCount=1");
    assertThat(child(List.of(), new String[] {"serve"}, Map.of()))
        .doesNotContain("-XX:CICompilerCount=1");
    // the heap starts at 128 MB only under the tool's own bound (at least 400 MB)
    assertThat(heap).isGreaterThanOrEqualTo(ChildJvm.BATCH_HEAP_FLOOR);
    assertThat(child(List.of(), RUN, Map.of(ChildJvm.ENV, "100m")))
        .contains("-Xms32m", "-Xmx100m")
        .doesNotContain("-Xms128m");
    assertThat(child(List.of(), new String[] {"serve"}, Map.of()))
        .contains("-Xms32m")
        .doesNotContain("-Xms128m");
    // INSIGHTS_HEAP is the only bound then
    assertThat(child(List.of(), RUN, Map.of(ChildJvm.ENV, "2G")))
        .endsWith(ArrayUtils.insert(0, TAIL, "-Xmx2g"))
        .filteredOn(o -> o.startsWith("-Xmx"))
        .hasSize(1);
    // a server's heap is the JVM's default; so is a batch command's when the default is smaller
    assertThat(child(List.of(), new String[] {"serve"}, Map.of()))
        .noneMatch(o -> o.startsWith("-Xmx"));
    assertThat(ChildJvm.childCommand(List.of(), RUN, Map.of(), "java", "app.jar", 256L << 20, 2))
        .get()
        .asList()
        .noneMatch(o -> o.toString().startsWith("-Xmx"))
        .noneMatch(o -> o.toString().startsWith("-XX:NewRatio"))
        .contains("-Xms32m"); // a small default heap may be under 128 MB
    // the old objects' share only goes with the tool's own bound
    assertThat(child(List.of(), RUN, Map.of(ChildJvm.ENV, "2G")))
        .doesNotContain(ChildJvm.BATCH_OLD_SHARE);
    assertThat(child(List.of(), new String[] {"serve"}, Map.of()))
        .doesNotContain(ChildJvm.BATCH_OLD_SHARE);
    // a server's heap grows when collecting takes a fifth of its time, a batch command's a
    // twentieth
    assertThat(child(List.of(), new String[] {"serve"}, Map.of()))
        .contains("-XX:GCTimeRatio=4")
        .doesNotContain("-XX:GCTimeRatio=19");
    // servers keep the optimising compiler; an option given wins, coming after the tool's
    assertThat(child(List.of(), new String[] {"serve"}, Map.of()))
        .contains("-XX:+UseParallelGC")
        .doesNotContain("-XX:TieredStopAtLevel=1");
    assertThat(child(List.of(), new String[] {"mail", "--once"}, Map.of()))
        .doesNotContain("-XX:TieredStopAtLevel=1");
    List<String> given = child(List.of("-XX:TieredStopAtLevel=4"), RUN, Map.of());
    assertThat(given.lastIndexOf("-XX:TieredStopAtLevel=4"))
        .isGreaterThan(given.indexOf("-XX:TieredStopAtLevel=1"));
  }

  @Test
  void aChosenHeapOrCollectorABenchOrAProfilerRunInPlace() {
    for (String option :
        List.of(
            "-Xmx300m",
            "-XX:MaxHeapSize=1g",
            "-XX:MaxRAMPercentage=10",
            "-XX:+UseG1GC",
            "-XX:+UseSerialGC",
            "-XX:StartFlightRecording=filename=x.jfr",
            "-javaagent:agent.jar",
            "-D" + ChildJvm.CHILD + "=true")) {
      assertThat(child(List.of(option), RUN, Map.of())).as(option).isNull();
    }
    assertThat(child(List.of(), new String[] {"bench", "floor", "in"}, Map.of())).isNull();
    assertThat(child(List.of("-XX:+UseCompressedOops"), RUN, Map.of()))
        .as("not a collector")
        .contains("-XX:+UseCompressedOops", "-XX:+UseParallelGC");
    assertThat(child(List.of(), RUN, Map.of(ChildJvm.ENV, "default"))).isNull();
    assertThat(child(List.of(), RUN, Map.of(ChildJvm.ENV, "lots"))).as("unreadable").isNull();
  }

  /** Much data: a long run, where the optimising compiler pays for itself. */
  @Test
  void aBatchCommandOnMuchDataKeepsTheOptimisingCompiler(@TempDir Path dir) throws Exception {
    Path small = Files.createDirectories(dir.resolve("small"));
    Files.write(small.resolve("a.xlsx"), new byte[1 << 20]);
    Path large = Files.createDirectories(dir.resolve("large"));
    try (var f = new java.io.RandomAccessFile(large.resolve("b.xlsx").toFile(), "rw")) {
      f.setLength(ChildJvm.LARGE_INPUT); // sparse: its size, not its blocks
    }
    Files.createDirectories(small.resolve("sub"));
    String[] smallRun = {"run", "--input", small.toString()};
    String[] largeRun = {"run", "--input", large.toString(), "--output", small.toString()};
    assertThat(ChildJvm.dataSize(smallRun)).isEqualTo(new ChildJvm.DataSize(1 << 20, 0));
    assertThat(ChildJvm.dataSize(largeRun).total()).isEqualTo(ChildJvm.LARGE_INPUT + (1 << 20));
    assertThat(child(List.of(), smallRun, Map.of()))
        .contains("-XX:TieredStopAtLevel=1", "-Xmx400m");
    assertThat(child(List.of(), largeRun, Map.of()))
        .contains("-XX:+UseParallelGC", "-Xmx400m") // 151 MB of returns: the floor
        .doesNotContain("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");
    String[] validateFile = {"validate", large.resolve("b.xlsx").toString()};
    assertThat(child(List.of(), validateFile, Map.of())).doesNotContain("-XX:TieredStopAtLevel=1");
  }

  /**
   * The heap follows what the report's columns of the data take: the returns' bytes or a sixth of
   * the store's, whichever is larger, and a tenth more.
   */
  @Test
  void aBatchCommandsHeapFollowsItsReturnsOrAFifthOfItsStore(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    long returns = 400L << 20;
    long store = 4L << 30;
    try (var f = new java.io.RandomAccessFile(input.resolve("a.XLSX").toFile(), "rw")) {
      f.setLength(returns); // sparse: its size, not its blocks
    }
    Files.writeString(input.resolve("notes.txt"), "x".repeat(1000));
    Path db = dir.resolve("insights.db");
    try (var f = new java.io.RandomAccessFile(db.toFile(), "rw")) {
      f.setLength(store);
    }
    String[] run = {"run", "--input", input.toString(), "--store", db.toString()};
    assertThat(ChildJvm.dataSize(run)).isEqualTo(new ChildJvm.DataSize(returns, store + 1000));
    long columns = (store + 1000) / 5; // the larger of the two: the same rows, mostly
    long heap = columns + columns / 10;
    assertThat(child(List.of(), run, Map.of()))
        .contains(ChildJvm.BATCH_OLD_SHARE, "-Xmx" + (heap >> 20) + "m");
    String[] returnsOnly = {"validate", input.toString()};
    assertThat(child(List.of(), returnsOnly, Map.of()))
        .contains("-Xmx" + ((returns + returns / 10) >> 20) + "m");
    String[] tables = {"tables", "--store", db.toString()};
    long storeColumns = store / 5;
    assertThat(child(List.of(), tables, Map.of()))
        .contains("-Xmx" + ((storeColumns + storeColumns / 10) >> 20) + "m");
  }

  @Test
  void sizesAreReadAsJavaReadsThem() {
    assertThat(ChildJvm.bytes("512m")).isEqualTo(512L << 20);
    assertThat(ChildJvm.bytes("2G")).isEqualTo(2 * GB);
    assertThat(ChildJvm.bytes("786432k")).isEqualTo(786432L << 10);
    assertThat(ChildJvm.bytes("1048576")).isEqualTo(1L << 20);
    assertThat(ChildJvm.bytes("")).isEqualTo(-1);
    assertThat(ChildJvm.bytes("m")).isEqualTo(-1);
    assertThat(ChildJvm.bytes("-5m")).isEqualTo(-1);
  }

  /** The real thing: {@code insights version} in a JVM started with and without a heap. */
  @Test
  void theToolReportsTheHeapItRunsWith() throws Exception {
    assertThat(version(List.of(), Map.of()))
        .contains("collector PS MarkSweep/PS Scavenge, quick compiler only");
    // the parallel collector reports its heap less one survivor space: 300 MB shows as less
    String capped = version(List.of(), Map.of(ChildJvm.ENV, "300m"));
    java.util.regex.Matcher heap =
        java.util.regex.Pattern.compile("heap up to (\\d+) MB, collector PS").matcher(capped);
    assertThat(heap.find()).as(capped).isTrue();
    assertThat(Integer.parseInt(heap.group(1))).isBetween(200, 300);
    assertThat(version(List.of("-Xmx200m"), Map.of()))
        .contains("heap up to 200 MB")
        .doesNotContain("PS Scavenge")
        .doesNotContain("quick compiler");
    // the child's exit code is the tool's: a usage error stays a usage error
    assertThat(exit(List.of("no-such-command"))).isEqualTo(ExitCode.USAGE);
  }

  /**
   * The child stops with its parent, even one killed outright (no shutdown hook runs), so no run
   * goes on holding the store with nobody watching; and a child that halts gives its code.
   */
  @Test
  void theChildStopsWhenItsParentIsKilledAndPassesOnItsExitCode(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.copy(Path.of("input/SVC01_2022-23-Q1.xlsx"), input.resolve("SVC01_2022-23-Q1.xlsx"));
    List<String> run =
        List.of(
            "run",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("out").toString(),
            "--store",
            dir.resolve("s.db").toString(),
            "--no-report");
    // the paused run waits for its standard input to close: give it one that stays open when
    // the parent dies (a pipe of the parent's own would be closed with it)
    Path fifo = dir.resolve("stdin");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    java.util.concurrent.CompletableFuture<java.io.OutputStream> writer =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.newOutputStream(fifo);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Process parent =
        start(
            List.of("-Dinsights.fault=after-check:SVC01:pause"),
            run,
            Map.of(),
            ProcessBuilder.Redirect.from(fifo.toFile()));
    java.io.OutputStream keepOpen = writer.get(60, TimeUnit.SECONDS);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("PAUSED")) {
      // the child's output comes through the parent's
    }
    assertThat(line).as("the run paused in the child").startsWith("PAUSED");
    List<ProcessHandle> children = parent.children().toList();
    assertThat(children).as("one child JVM runs the tool").hasSize(1);
    ProcessHandle child = children.get(0);
    String childCommand =
        Files.readString(Path.of("/proc", String.valueOf(child.pid()), "cmdline"));
    assertThat(List.of(childCommand.split("\0"))).contains("-XX:+UseParallelGC");
    parent.destroyForcibly();
    assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    keepOpen.close();

    List<String> again = new ArrayList<>(run);
    again.set(again.indexOf("--store") + 1, dir.resolve("s2.db").toString());
    Process halted =
        start(List.of("-Dinsights.fault=after-check:SVC01:halt"), again, Map.of(), null);
    halted.getOutputStream().close();
    halted.getInputStream().readAllBytes();
    assertThat(halted.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(halted.exitValue()).isEqualTo(137);
  }

  private static Process start(
      List<String> jvm, List<String> args, Map<String, String> env, ProcessBuilder.Redirect in)
      throws Exception {
    return start(System.getProperty("java.class.path"), jvm, args, env, in);
  }

  /** Starts the tool's {@code Main} in a JVM of its own, its output and errors merged. */
  static Process start(
      String classPath,
      List<String> jvm,
      List<String> args,
      Map<String, String> env,
      ProcessBuilder.Redirect in)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    // a server-class machine, whatever the test runs on: the JVM's default collector is G1
    cmd.add("-XX:MaxRAM=64g");
    cmd.addAll(List.of("-cp", classPath, Main.class.getName()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove(ChildJvm.ENV);
    pb.environment().putAll(env);
    if (in != null) {
      pb.redirectInput(in);
    }
    return pb.start();
  }

  private static String version(List<String> jvm, Map<String, String> env) throws Exception {
    Process p = start(jvm, List.of("--version"), env, null);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static int exit(List<String> args) throws Exception {
    Process p = start(List.of(), args, Map.of(), null);
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
