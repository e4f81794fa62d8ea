package org.idva.insights.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.idva.insights.render.ReturnWorkbookWriter;
import org.idva.insights.sample.SampleGenerator;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code insights sample}: writes synthetic returns calibrated to the seed report. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description =
        "Write synthetic returns in the template's format: one workbook per service per"
            + " quarter, nine services, April 2020 to March 2023. The 2022-23 data reproduces"
            + " the seed report's counts; a few deliberate slips show what feedback looks like."
            + " Deterministic for a seed. Prints the time taken and the peak heap.",
    footer = ExitCode.HELP_FOOTER)
final class SampleCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;

  @Option(
      names = "--seed",
      defaultValue = "20230331",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "1",
      paramLabel = "K",
      description =
          "Multiply the case volume K times for benchmarks: ceil(K / ceil(sqrt K)) sets of nine"
              + " services, up to ceil(sqrt K) seed-sized builds per set, so more services and"
              + " more cases per service (100: 90 services, about 1 million form rows per"
              + " reporting year); the first set's builds are calibrated, the other sets replay"
              + " them under their own service codes (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "input",
      description = "Folder to write the workbooks to (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (scale < 1) {
      System.err.println("--scale must be 1 or more, was " + scale);
      return ExitCode.USAGE;
    }
    Schema schema = definitions.loadSchema();
    ReturnWorkbookWriter writer = new ReturnWorkbookWriter(schema);
    SampleGenerator generator = new SampleGenerator(schema, seed, scale);
    System.out.printf(
        "Writing %d returns: %d services in %d sets, %d calibrated builds per set at most%n",
        generator.returnCount(),
        generator.serviceCount(),
        generator.groups(),
        generator.buildsPerGroup());
    BenchHeap.resetPeaks();
    long start = System.nanoTime();
    AtomicInteger files = new AtomicInteger();
    AtomicLong rows = new AtomicLong();
    try {
      Files.createDirectories(out);
      writeAll(generator, writer, files, rows);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not write the sample returns to " + out + ": " + e.getMessage());
      return ExitCode.IO;
    }
    List<ServiceRegistry.Service> registered = new ArrayList<>();
    for (String code : generator.serviceCodes()) {
      String mailbox = code.toLowerCase(Locale.ROOT) + ".example";
      registered.add(
          new ServiceRegistry.Service(
              code, "Sample Idva service " + code, List.of("data-lead@" + mailbox)));
    }
    Path registry = out.resolve(ServiceRegistry.DEFAULT_FILE.getFileName());
    try {
      ServiceRegistry.of(registered).write(registry);
    } catch (IOException e) {
      System.err.println(
          "Could not write the service registry " + registry + ": " + e.getMessage());
      return ExitCode.IO;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "Wrote %d returns (%d form rows) and the service registry %s to %s (seed %d, scale %d)%n",
        files.get(), rows.get(), registry.getFileName(), out, seed, scale);
    System.out.printf(
        "%.1f s, %.0f form rows/s, peak heap %.0f MB (max heap %d MB)%n",
        seconds,
        rows.get() / seconds,
        BenchHeap.peakUsed() / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576);
    return ExitCode.OK;
  }

  /**
   * Writes each return the generator hands out on a pool of one thread per processor, while the
   * generator makes the next ones; at most two returns per thread wait, so memory stays bounded.
   * Each file depends on its content only, so the bytes are those of writing one at a time.
   */
  private void writeAll(
      SampleGenerator generator, ReturnWorkbookWriter writer, AtomicInteger files, AtomicLong rows)
      throws IOException {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore waiting = new Semaphore(2 * threads);
    AtomicReference<Exception> failed = new AtomicReference<>(); // the first write that failed
    try {
      generator.generate(
          content -> {
            if (failed.get() != null) {
              return; // stop handing out work; the failure is thrown below
            }
            waiting.acquireUninterruptibly();
            pool.execute(
                () -> {
                  try {
                    writer.write(content, out.resolve(content.fileName()));
                    files.incrementAndGet();
                    rows.addAndGet(content.rows().size());
                  } catch (IOException | RuntimeException e) {
                    failed.compareAndSet(null, e);
                  } finally {
                    waiting.release();
                  }
                });
          });
    } finally {
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.HOURS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failed.get() instanceof IOException e) {
      throw e;
    }
    if (failed.get() instanceof RuntimeException e) {
      throw e;
    }
  }
}
