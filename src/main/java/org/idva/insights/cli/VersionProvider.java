package org.idva.insights.cli;

import org.idva.insights.schema.SchemaLoader;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool version and the return template version it expects. */
final class VersionProvider implements IVersionProvider {
  /** The collector's name as the JVM gives it: {@code PS MarkSweep/PS Scavenge}, {@code G1...}. */
  static String collector() {
    return String.join(
        "/",
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName)
            .toList());
  }

  /** Whether this JVM runs without its optimising compiler (ChildJvm#BATCH). */
  static boolean quickCompilerOnly() {
    var vm =
        java.lang.management.ManagementFactory.getPlatformMXBean(
            com.sun.management.HotSpotDiagnosticMXBean.class);
    return vm != null && Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) < 4;
  }

  @Override
  public String[] getVersion() {
    String version = InsightsCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "Idva Insights " + (version == null ? "(development build)" : version),
      "Return template version " + SchemaLoader.loadDefault().templateVersion(),
      "Java "
          + Runtime.version()
          + ", heap up to "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024)
          + " MB, collector "
          + collector()
          + (quickCompilerOnly() ? ", quick compiler only" : "")
    };
  }
}
