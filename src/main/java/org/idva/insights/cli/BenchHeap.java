package org.idva.insights.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Heap figures for the benchmarks: peak of the heap pools since a reset, and heap used now. */
final class BenchHeap {
  private BenchHeap() {}

  static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /**
   * The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at
   * once (pools peak at different moments), garbage not yet collected included.
   */
  static long peakUsed() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Heap in use after a full collection: what is actually retained now. */
  static long retainedAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
