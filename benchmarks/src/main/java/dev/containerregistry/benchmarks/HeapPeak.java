package dev.containerregistry.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The heap's peak over a span of time: the sum of the heap pools' peaks (an upper bound, garbage
 * included), counted from a collection made when the span starts.
 */
public final class HeapPeak {

  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();

  private HeapPeak() {}

  /** Collects garbage and starts counting from there. */
  public static HeapPeak start() {
    HeapPeak peak = new HeapPeak();
    System.gc();
    peak.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    return peak;
  }

  /** The peak so far, in bytes. */
  public long bytes() {
    return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }
}
