package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class archive the tool's child JVM maps its classes from (ClassArchive): one per jar and JVM,
 * written by the first run that writes the report, used by every command after it.
 */
class ClassArchiveTest {
  @TempDir Path dir;

  private static final String HOME = "/jdk";
  private static final String VM = "17.0.15+6";

  @Test
  void anArchiveIsForAJarClassPathUnlessTurnedOffAndNamedByTheJarsAndTheJvm() throws Exception {
    Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
    Path cache = dir.resolve("cache");
    Map<String, String> env = Map.of(ClassArchive.ENV, cache.toString());
    ClassArchive a = ClassArchive.of(env, jar.toString(), HOME, VM).orElseThrow();
    assertThat(a.file().getParent()).isEqualTo(cache.toAbsolutePath());
    assertThat(a.file().getFileName().toString()).matches("classes-[0-9a-f]{16}\\.jsa");
    assertThat(ClassArchive.of(env, jar.toString(), HOME, VM).orElseThrow()).isEqualTo(a);
    assertThat(ClassArchive.of(env, jar.toString(), HOME, "17.0.16+1").orElseThrow().file())
        .isNotEqualTo(a.file());
    Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
    assertThat(ClassArchive.of(env, jar.toString(), HOME, VM).orElseThrow().file())
        .as("a rebuilt jar gets another archive")
        .isNotEqualTo(a.file());

    assertThat(ClassArchive.of(Map.of(ClassArchive.ENV, "OFF"), jar.toString(), HOME, VM))
        .isEmpty();
    String withFolder = jar + java.io.File.pathSeparator + dir;
    assertThat(ClassArchive.of(env, withFolder, HOME, VM)).as("a folder on the path").isEmpty();
    assertThat(ClassArchive.of(env, dir.resolve("gone.jar").toString(), HOME, VM)).isEmpty();
    assertThat(ClassArchive.of(Map.of("XDG_CACHE_HOME", dir.toString()), jar.toString(), HOME, VM))
        .get()
        .extracting(c -> c.file().getParent())
        .isEqualTo(dir.resolve("idva-insights"));
  }

  @Test
  void aRunThatWritesTheReportWritesItAndEveryCommandUsesItOnceItIsThere() throws Exception {
    Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1});
    Map<String, String> env = Map.of(ClassArchive.ENV, dir.resolve("cache").toString());
    ClassArchive a = ClassArchive.of(env, jar.toString(), HOME, VM).orElseThrow();
    assertThat(a.options(new String[] {"run"}))
        .containsAll(ClassArchive.QUIET)
        .contains("-XX:ArchiveClassesAtExit=" + a.pending());
    assertThat(a.options(new String[] {"run", "--no-report"})).isEmpty();
    assertThat(a.options(new String[] {"validate", "in"})).isEmpty();
    assertThat(Files.isDirectory(a.file().getParent())).isTrue();

    Path other = Files.writeString(a.file().resolveSibling("classes-0123456789abcdef.jsa"), "x");
    Files.writeString(a.pending(), "archive");
    a.keep(5);
    assertThat(a.pending()).as("a run that failed: its archive is not kept").doesNotExist();
    assertThat(a.file()).doesNotExist();
    Files.writeString(a.pending(), "archive");
    a.keep(1);
    assertThat(a.pending()).doesNotExist();
    assertThat(a.file()).hasContent("archive");
    assertThat(other).as("another jar's archive").doesNotExist();

    for (String[] args : List.of(new String[] {"validate", "in"}, new String[] {"run"})) {
      assertThat(a.options(args))
          .containsAll(ClassArchive.QUIET)
          .contains("-XX:SharedArchiveFile=" + a.file())
          .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
    }
    assertThat(
            ChildJvm.childCommand(
                List.of(), new String[] {"run"}, env, "java", jar.toString(), 1L << 32, 2))
        .get()
        .as("the class path the child gets is the jar's whole path when it maps an archive")
        .satisfies(cmd -> assertThat(cmd).contains(jar.toAbsolutePath().toString()));
  }

  /**
   * The real thing: the tool's classes in a jar, a parent JVM that starts the child. With
   * -Xshare:on a JVM that cannot map its archive does not start, so a zero exit says it did.
   */
  @Test
  void theChildWritesTheArchiveAndTheNextChildMapsIt() throws Exception {
    String classPath = jarClassPath();
    Path cache = dir.resolve("cache");
    Map<String, String> env = Map.of(ClassArchive.ENV, cache.toString());
    Path input = Files.createDirectories(dir.resolve("input"));
    for (String name : List.of("SVC01_2022-23-Q1.xlsx", "SVC01_2022-23-Q2.xlsx")) {
      Files.copy(Path.of("input", name), input.resolve(name));
    }
    List<String> run =
        List.of(
            "run",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("out").toString(),
            "--store",
            dir.resolve("s.db").toString());
    Result first = start(classPath, run, env);
    assertThat(first.code()).as(first.out()).isIn(0, 1);
    assertThat(first.out()).contains("SVC01_2022-23-Q2.xlsx").doesNotContain("[warning]");
    List<Path> written;
    try (Stream<Path> files = Files.list(cache)) {
      written = files.toList();
    }
    assertThat(written)
        .singleElement()
        .satisfies(f -> assertThat(f.getFileName().toString()).matches("classes-.*\\.jsa"));

    Result version = start(classPath, List.of("--version"), env);
    assertThat(version.code()).as(version.out()).isZero();
    assertThat(version.out()).contains("Idva Insights").doesNotContain("[warning]");

    Files.write(written.get(0), "not an archive".getBytes(StandardCharsets.UTF_8));
    Result broken = start(classPath, List.of("--version"), env);
    assertThat(broken.code()).as("-Xshare:on and an archive the JVM cannot map").isNotZero();
  }

  private record Result(int code, String out) {}

  private static Result start(String classPath, List<String> args, Map<String, String> env)
      throws Exception {
    Process p = ChildJvmTest.start(classPath, List.of("-Xshare:on"), args, env, null);
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  /** The test's class path with its folders (the tool's classes) made into one jar. */
  private String jarClassPath() throws Exception {
    List<String> entries = new ArrayList<>();
    Path jar = dir.resolve("insights.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        Path p = Path.of(entry);
        if (entry.endsWith(".jar")) {
          entries.add(entry);
        } else if (Files.isDirectory(p) && !p.endsWith("test-classes")) {
          try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.filter(f -> !f.equals(p)).sorted().toList()) {
              // folders too: Flyway finds its migrations by their folder's entry
              String name = p.relativize(f).toString().replace('\\', '/');
              boolean folder = Files.isDirectory(f);
              out.putNextEntry(new JarEntry(folder ? name + "/" : name));
              if (!folder) {
                Files.copy(f, out);
              }
              out.closeEntry();
            }
          }
        }
      }
    }
    entries.add(0, jar.toString());
    return String.join(java.io.File.pathSeparator, entries);
  }
}
