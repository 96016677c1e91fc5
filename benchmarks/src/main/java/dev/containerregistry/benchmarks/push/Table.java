package dev.containerregistry.benchmarks.push;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The summary: per row the median of its runs' seconds, its speed relative to skopeo's gzip row
 * (skopeo's median over the row's: above 1 is faster), MB/s of tar, the pushed bytes, the largest
 * heap peak and the median CPU time.
 */
final class Table {

  private final Map<Row, List<RunFigures>> results;
  private final long tarBytes;
  private final String referenceSlug;

  Table(Map<Row, List<RunFigures>> results, long tarBytes, String referenceSlug) {
    this.results = results;
    this.tarBytes = tarBytes;
    this.referenceSlug = referenceSlug;
  }

  void print(PrintStream out) {
    double reference =
        results.entrySet().stream()
            .filter(e -> e.getKey().slug().equals(referenceSlug))
            .mapToDouble(e -> median(e.getValue(), RunFigures::seconds))
            .findFirst()
            .orElse(Double.NaN);
    out.printf(
        Locale.ROOT,
        "%n| %-38s | %8s | %10s | %7s | %10s | %13s | %9s |%n",
        "row",
        "median s",
        "vs skopeo",
        "MB/s",
        "pushed MiB",
        "heap peak MiB",
        "CPU s");
    out.println(
        "|"
            + "-".repeat(40)
            + "|---------:|-----------:|--------:|-----------:|--------------:|----------:|");
    for (Map.Entry<Row, List<RunFigures>> entry : results.entrySet()) {
      List<RunFigures> runs = entry.getValue();
      double seconds = median(runs, RunFigures::seconds);
      long heap = runs.stream().mapToLong(RunFigures::heapPeak).max().orElse(-1);
      double cpu = median(runs, RunFigures::cpuSeconds);
      out.printf(
          Locale.ROOT,
          "| %-38s | %8.1f | %10s | %7.1f | %10.1f | %13s | %9s |%n",
          entry.getKey().label(),
          seconds,
          Double.isNaN(reference) ? "-" : String.format(Locale.ROOT, "%.2fx", reference / seconds),
          tarBytes / 1e6 / seconds,
          median(runs, RunFigures::wireBytes) / (1024.0 * 1024.0),
          heap < 0 ? "-" : String.format(Locale.ROOT, "%.1f", heap / (1024.0 * 1024.0)),
          Double.isNaN(cpu) ? "-" : String.format(Locale.ROOT, "%.1f", cpu));
    }
  }

  private static double median(List<RunFigures> runs, ToDoubleFunction<RunFigures> value) {
    double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
