package org.idva.insights.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tool's classes as loaded by one {@code run}, kept in a class-data archive (the JVM's dynamic
 * AppCDS) so that later JVMs map them instead of reading, parsing and verifying the same thousands
 * of classes from the jar again: about 0.3 s off a rerun and 0.5 to 1 s off a {@code run} or {@code
 * validate} of the sample on two cores (docs/performance.md). The first {@code run} that writes the
 * report (no {@code --no-report}) writes the archive when the JVM exits (a second or so more,
 * once); every later command of the child JVM uses it. One archive per jar (its path, size and
 * time) and JVM, in {@code $XDG_CACHE_HOME/idva-insights/} (else {@code ~/.cache/...}); the
 * archives of other jars are removed when a new one is kept. {@code INSIGHTS_CLASS_ARCHIVE=off}
 * turns it off, a folder puts it there. Only for a class path of jar files (the JVM archives
 * nothing else); an archive the JVM cannot use is ignored without a word, and the JVM's own
 * warnings go to standard error, never into a command's output.
 *
 * @param file the archive
 * @param pending where a child writes it before it is kept
 * @param classPath the class path as the child gets it: absolute, as the archive records it
 */
record ClassArchive(Path file, Path pending, String classPath) {
  /** Turns the archive off ({@code off}) or names its folder. */
  static final String ENV = "INSIGHTS_CLASS_ARCHIVE";

  private static final String PREFIX = "classes-";
  private static final String SUFFIX = ".jsa";

  /** The JVM's warnings to standard error (never a command's output), the archive's not at all. */
  static final List<String> QUIET =
      List.of(
          "-Xlog:disable", "-Xlog:all=warning:stderr:uptime,level,tags", "-Xlog:cds*=off:stderr");

  /**
   * The archive for this class path and JVM, when it may be used: the class path is jar files only,
   * and the archive is not turned off.
   *
   * @param env the environment
   * @param classPath the class path, as the child gets it
   * @param javaHome the JVM's home
   * @param vmVersion the JVM's version ({@code java.vm.version})
   */
  static Optional<ClassArchive> of(
      Map<String, String> env, String classPath, String javaHome, String vmVersion) {
    String setting = env.getOrDefault(ENV, "").trim();
    if (setting.equalsIgnoreCase("off") || classPath == null || classPath.isBlank()) {
      return Optional.empty();
    }
    try {
      Path folder = setting.isEmpty() ? cacheFolder(env) : Path.of(setting);
      if (folder == null) {
        return Optional.empty();
      }
      StringBuilder key = new StringBuilder(javaHome).append('\n').append(vmVersion);
      List<String> jars = new ArrayList<>();
      for (String entry : classPath.split(java.io.File.pathSeparator)) {
        Path jar = Path.of(entry).toAbsolutePath();
        if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
          return Optional.empty();
        }
        jars.add(jar.toString());
        key.append('\n')
            .append(jar)
            .append(' ')
            .append(Files.size(jar))
            .append(' ')
            .append(Files.getLastModifiedTime(jar).toMillis());
      }
      Path file = folder.toAbsolutePath().resolve(PREFIX + hash(key.toString()) + SUFFIX);
      Path pending =
          file.resolveSibling(
              "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      return Optional.of(
          new ClassArchive(file, pending, String.join(java.io.File.pathSeparator, jars)));
    } catch (IOException | InvalidPathException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static Path cacheFolder(Map<String, String> env) {
    String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
    if (!xdg.isBlank()) {
      return Path.of(xdg, "idva-insights");
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : Path.of(home, ".cache", "idva-insights");
  }

  /**
   * A 64-bit FNV-1a hash of the key, in 16 hex digits: it only names the archive (the JVM checks
   * the archive against the class path itself), and unlike a message digest it loads no security
   * provider in the parent JVM, whose start every command waits for.
   */
  static String hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    String hex = Long.toHexString(h);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /**
   * The child's options: use the archive when it exists; otherwise, for a {@code run} that writes
   * the report, write it (to {@link #pending} first) when the JVM exits; nothing else.
   */
  List<String> options(String[] args) {
    List<String> options = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      options.addAll(QUIET);
      options.add("-XX:SharedArchiveFile=" + file);
    } else if (writes(args) && folderReady()) {
      options.addAll(QUIET);
      options.add("-XX:ArchiveClassesAtExit=" + pending);
    }
    return options;
  }

  /** Whether a command loads (nearly) all of the tool: a {@code run} that writes the report. */
  static boolean writes(String[] args) {
    return args.length > 0 && args[0].equals("run") && !List.of(args).contains("--no-report");
  }

  private boolean folderReady() {
    try {
      Files.createDirectories(file.getParent());
      return true;
    } catch (IOException | SecurityException e) {
      return false; // no archive, then
    }
  }

  /**
   * After the child: the archive it wrote, if it ended normally (exit code 0 or 1), becomes the
   * archive, and the archives of other jars go; a half-written one is removed.
   */
  void keep(int exitCode) {
    if (!Files.exists(pending)) {
      return;
    }
    try {
      if ((exitCode == 0 || exitCode == 1) && Files.size(pending) > 0) {
        Files.move(
            pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (var others = Files.list(file.getParent())) {
          for (Path p : (Iterable<Path>) others::iterator) {
            String name = p.getFileName().toString();
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && !p.equals(file)) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
    } catch (IOException | SecurityException e) {
      // the next run writes it again
    } finally {
      try {
        Files.deleteIfExists(pending);
      } catch (IOException | SecurityException e) {
        // left for the next keep
      }
    }
  }
}
