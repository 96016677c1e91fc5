package dev.containerregistry.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;

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
    HeapPeak heap = HeapPeak.start();
    long cpuBefore = OS.getProcessCpuTime();
    long start = System.nanoTime();
    Pipeline.Output output;
    try (input) {
      output = pipeline.run(input);
    }
    long wall = System.nanoTime() - start;
    long cpu = OS.getProcessCpuTime() - cpuBefore;
    return new Measurement(output, inputBytes, wall, cpu, heap.bytes());
  }

  /** Input MiB per second of elapsed time. */
  double mibPerSecond() {
    return inputBytes / (1024.0 * 1024.0) / (wallNanos / 1e9);
  }
}
