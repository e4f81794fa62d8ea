package org.idva.insights.cli;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Callable;
import org.idva.insights.model.TableResult;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.report.ReportEngine;
import org.idva.insights.report.SyntheticCases;
import org.idva.insights.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights bench-tables}: times the report engine on synthetic case data generated in memory
 * (streamed, never stored as rows): reading it into columns, then computing every table for one
 * reporting year and the two before it. Prints rows/s, the heap the loaded columns retain (after a
 * full GC), the tables' wall and CPU time (after that GC, so little collection work is left in it),
 * a second warm pass, and the peak heap (generation garbage included) per scale.
 */
@Command(
    name = "bench-tables",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark the report engine: columnar load and all tables for one year on"
            + " synthetic data (scale 1 = one seed-sized year per form, four years generated).",
    footer = ExitCode.HELP_FOOTER)
final class BenchTablesCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;

  @Option(
      names = "--scale",
      paramLabel = "S",
      arity = "1..*",
      defaultValue = "1",
      split = ",",
      description = "Scales to run, e.g. --scale 1,10,100 (default: ${DEFAULT-VALUE}).")
  List<Double> scales;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--year",
      defaultValue = "2023",
      description = "Reporting year (default: ${DEFAULT-VALUE}).")
  int year;

  @Override
  public Integer call() {
    Schema schema = definitions.loadSchema();
    ReportDefinitions defs = ReportDefinitions.load(definitions.source(), schema);
    ReportEngine engine = new ReportEngine(schema, defs);
    System.out.printf(
        "%7s %9s %10s %8s %9s %12s %9s %9s %13s %7s %8s%n",
        "scale",
        "rows",
        "generate s",
        "load s",
        "rows/s",
        "retained MB",
        "tables s",
        "again s",
        "tables cpu s",
        "tables",
        "peak MB");
    for (double scale : scales) {
      long before = BenchHeap.retainedAfterGc();
      BenchHeap.resetPeaks();
      SyntheticCases data = new SyntheticCases(schema, seed, scale, year, 4);
      long g0 = System.nanoTime();
      long[] generated = {0};
      schema.sheets().forEach(s -> data.forEachRow(s.ref(), r -> generated[0]++));
      double generate = (System.nanoTime() - g0) / 1e9;
      long t0 = System.nanoTime();
      ReportEngine.Tabulation tab = engine.load(data);
      double load = (System.nanoTime() - t0) / 1e9; // generating again (streamed) + columns
      // what the loaded columns keep, generation garbage collected: the engine's real footprint
      long retained = BenchHeap.retainedAfterGc() - before;
      long c1 = cpuNanos();
      long t1 = System.nanoTime();
      List<TableResult> tables = tab.tables(year, List.of());
      long t2 = System.nanoTime();
      double tablesCpu = (cpuNanos() - c1) / 1e9;
      tab.tables(year, List.of()); // again, warm (links and bases are cached by now)
      double again = (System.nanoTime() - t2) / 1e9;
      long rows = tab.columns().rowCount();
      double tabulate = (t2 - t1) / 1e9;
      System.out.printf(
          "%7s %9d %10.2f %8.2f %9.0f %12.0f %9.2f %9.2f %13.2f %7d %8.0f%n",
          scale,
          rows,
          generate,
          load,
          rows / load,
          retained / 1048576.0,
          tabulate,
          again,
          tablesCpu,
          tables.size(),
          BenchHeap.peakUsed() / 1048576.0);
    }
    System.out.printf(
        "java %s, %d processors, max heap %d MB, load average %.1f%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1048576,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return ExitCode.OK;
  }

  /** CPU time of the whole process (all threads), so a busy machine does not hide the work. */
  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
