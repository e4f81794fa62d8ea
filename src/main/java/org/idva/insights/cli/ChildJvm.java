package org.idva.insights.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM the tool runs in: its heap, and for a batch command its compiler. Java's default heap is
 * a quarter of the machine's memory, and the collector lets the heap grow towards it before
 * collecting: on a large machine a run that needs 200 MB shows gigabytes. So when the tool is
 * started without a heap size ({@code -Xmx}, {@code -XX:MaxHeapSize}, {@code
 * -XX:MaxRAMPercentage}...) and the default is larger than {@link #DEFAULT}, {@code main} starts
 * itself again in a child JVM with that heap (or {@code INSIGHTS_HEAP}, e.g. {@code 1g}); {@code
 * INSIGHTS_HEAP=default} keeps the JVM's own. The child has the same options, arguments, standard
 * streams and exit code, and stops when its parent does. Not done for {@code bench} (a measurement
 * must run as it was started) nor under a profiler or agent. Only JDK classes are used here:
 * nothing else is loaded in the parent.
 */
final class ChildJvm {
  /** The environment variable giving the heap: {@code 768m}, {@code 2g}, or {@code default}. */
  static final String ENV = "INSIGHTS_HEAP";

  /** The heap used when neither the command line nor {@link #ENV} gives one. */
  static final String DEFAULT = "512m";

  /** The compiler options of a batch command's child. */
  static final List<String> BATCH = List.of("-XX:TieredStopAtLevel=1");

  /** The commands that run until stopped: they keep the JVM's optimising compiler. */
  static final List<String> SERVERS = List.of("serve", "mail");

  /** Set in the child, so it never starts another. */
  static final String CHILD = "insights.heapCapped";

  private static final List<String> HEAP_OPTIONS =
      List.of(
          "-Xmx",
          "-XX:MaxHeapSize",
          "-XX:MaxRAMPercentage",
          "-XX:MaxRAMFraction",
          "-XX:StartFlightRecording",
          "-agentlib:",
          "-agentpath:",
          "-javaagent:");

  private ChildJvm() {}

  /**
   * The child's command line, or empty when the tool should run here.
   *
   * @param jvmOptions this JVM's options (from the runtime bean)
   * @param args the tool's arguments
   * @param maxHeap this JVM's maximum heap in bytes
   * @param env the environment
   * @param java this JVM's {@code java} executable
   * @param classPath this JVM's class path
   */
  static Optional<List<String>> childCommand(
      List<String> jvmOptions,
      String[] args,
      long maxHeap,
      Map<String, String> env,
      String java,
      String classPath) {
    String wanted = env.getOrDefault(ENV, DEFAULT).trim();
    if (wanted.equalsIgnoreCase("default")
        || (args.length > 0 && args[0].equals("bench"))
        || jvmOptions.stream()
            .anyMatch(
                o -> o.startsWith("-D" + CHILD) || HEAP_OPTIONS.stream().anyMatch(o::startsWith))) {
      return Optional.empty();
    }
    long cap = bytes(wanted);
    if (cap <= 0 || maxHeap <= cap) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    if (args.length > 0 && !SERVERS.contains(args[0])) {
      cmd.addAll(BATCH);
    }
    cmd.addAll(jvmOptions);
    cmd.add("-Xmx" + wanted.toLowerCase(Locale.ROOT));
    cmd.add("-D" + CHILD + "=true");
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return Optional.of(cmd);
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
            Runtime.getRuntime().maxMemory(),
            System.getenv(),
            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            System.getProperty("java.class.path"));
    if (cmd.isEmpty()) {
      return Optional.empty();
    }
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
