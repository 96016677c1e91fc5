package dev.containerregistry.benchmarks.push;

import com.sun.management.OperatingSystemMXBean;
import dev.containerregistry.benchmarks.HeapPeak;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a row's own JVM reports about its push, as one line on standard output that {@link
 * PushSideBySide} reads: {@code result seconds=S cpu=S heap=BYTES}. The figures cover the push
 * only, not the JVM's start.
 */
final class RowReport {

  private static final Pattern LINE =
      Pattern.compile("result seconds=(\\S+) cpu=(\\S+) heap=(\\S+)");

  /** A push to time. */
  @FunctionalInterface
  interface Push {
    void run() throws Exception;
  }

  /** The figures of one push, as a row's JVM reports them. */
  record Figures(double seconds, double cpuSeconds, long heapPeak) {}

  private RowReport() {}

  /** Runs {@code push} once, timing it and its CPU and heap, and prints the result line. */
  static void measure(Push push) throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    HeapPeak heap = HeapPeak.start();
    long cpuBefore = os.getProcessCpuTime();
    long start = System.nanoTime();
    push.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    System.out.printf(
        Locale.ROOT, "result seconds=%.3f cpu=%.3f heap=%d%n", seconds, cpu, heap.bytes());
  }

  /** The figures in {@code line}, if it is a result line. */
  static Optional<Figures> parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Figures(
            Double.parseDouble(m.group(1)),
            Double.parseDouble(m.group(2)),
            Long.parseLong(m.group(3))));
  }
}
