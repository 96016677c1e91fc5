package dev.containerregistry.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * One timed run of a pipeline.
 *
 * @param output what the pipeline produced
 * @param inputBytes the bytes it read
 * @param wallNanos the elapsed time
 * @param cpuNanos the CPU time of the whole process meanwhile, all threads together
 * @param heapPeak the sum of the heap pools' peaks during the run, after a GC before it
 */
record Measurement(
    Pipeline.Output output, long inputBytes, long wallNanos, long cpuNanos, long heapPeak) {

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Runs {@code pipeline} over {@code input} of {@code inputBytes} bytes, then closes it. */
  static Measurement of(Pipeline pipeline, InputStream input, long inputBytes) throws IOException {
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long cpuBefore = OS.getProcessCpuTime();
    long start = System.nanoTime();
    Pipeline.Output output;
    try (input) {
      output = pipeline.run(input);
    }
    long wall = System.nanoTime() - start;
    long cpu = OS.getProcessCpuTime() - cpuBefore;
    long heapPeak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return new Measurement(output, inputBytes, wall, cpu, heapPeak);
  }

  /** Input MiB per second of elapsed time. */
  double mibPerSecond() {
    return inputBytes / (1024.0 * 1024.0) / (wallNanos / 1e9);
  }
}
