package dev.containerregistry.benchmarks.push;

import java.util.Locale;

/**
 * The figures of one run of one row.
 *
 * @param seconds the push's wall time (a JVM row times the push itself, not its start; a tool is
 *     timed as a process)
 * @param cpuSeconds the row's CPU time (user and system, all threads), or NaN when unknown; the
 *     registry's own is not counted
 * @param heapPeak the JVM's heap peak in bytes, or -1 for a tool
 * @param wireBytes the bytes of the pushed blobs (config and layer), or -1 before they are known
 */
record RunFigures(double seconds, double cpuSeconds, long heapPeak, long wireBytes) {

  RunFigures withWireBytes(long bytes) {
    return new RunFigures(seconds, cpuSeconds, heapPeak, bytes);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%.1f s, cpu %s s, heap peak %s MiB, %.1f MiB pushed",
        seconds,
        Double.isNaN(cpuSeconds) ? "?" : String.format(Locale.ROOT, "%.1f", cpuSeconds),
        heapPeak < 0 ? "-" : String.format(Locale.ROOT, "%.1f", heapPeak / (1024.0 * 1024.0)),
        wireBytes / (1024.0 * 1024.0));
  }
}
