package dev.containerregistry.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Measures {@code StreamLayer} against the bare JDK pipeline on a generated tar, then pushes a
 * multi-GiB generated stream through it to show that memory stays flat. Prints a table.
 *
 * <p>Options: {@code --size-mib N} (the tar, default 512), {@code --rounds N} (default 3), {@code
 * --big-gib N} (the long stream, default 4; 0 skips it), {@code --big-level N} and {@code
 * --big-workers N} (its StreamLayer options, default 1 and 1), {@code --seed N} (default 1), {@code
 * --dir PATH} (where the tar is written, default the temp directory).
 *
 * <p>The runs are interleaved round by round so that a noisy neighbour slows all of them alike; the
 * report gives each pipeline's best and median throughput.
 */
public final class StreamBenchmark {

  private static final long MIB = 1024 * 1024;
  private static final long WARM_UP_BYTES = 48 * MIB;

  /** A read size like that of an HTTP client copying a request body (4 KiB). */
  private static final int SMALL_READ = 4 * 1024;

  private final PrintStream out;
  private final Map<String, String> options;

  private StreamBenchmark(PrintStream out, Map<String, String> options) {
    this.out = out;
    this.options = options;
  }

  /** Runs the benchmark with the options above and prints the figures. */
  public static void main(String[] args) throws IOException {
    new StreamBenchmark(System.out, parse(args)).run();
  }

  private void run() throws IOException {
    long size = number("size-mib", 512) * MIB;
    long seed = number("seed", 1);
    out.printf(
        Locale.ROOT,
        "java %s, %d cpus, max heap %d MiB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / MIB);
    Path tar = generate(size, seed);
    try {
      compare(tar);
    } finally {
      Files.deleteIfExists(tar);
    }
    long bigGib = number("big-gib", 4);
    if (bigGib > 0) {
      longStream(bigGib * 1024 * MIB, seed);
    }
  }

  private Path generate(long size, long seed) throws IOException {
    Path dir = Path.of(options.getOrDefault("dir", System.getProperty("java.io.tmpdir")));
    Path tar = Files.createTempFile(dir, "realistic-", ".tar");
    long start = System.nanoTime();
    try (InputStream in = RealisticTar.open(size, seed);
        OutputStream file = Files.newOutputStream(tar)) {
      in.transferTo(file);
    }
    out.printf(
        Locale.ROOT,
        "generated a %d MiB tar (seed %d) in %.1f s: %s%n",
        Files.size(tar) / MIB,
        seed,
        (System.nanoTime() - start) / 1e9,
        tar);
    return tar;
  }

  private void compare(Path tar) throws IOException {
    List<Pipeline> pipelines =
        List.of(
            Pipeline.bareGzip(1),
            Pipeline.streamLayer(1, 1, Pipeline.BUFFER),
            Pipeline.bareGzip(6),
            Pipeline.streamLayer(6, 1, Pipeline.BUFFER),
            Pipeline.streamLayer(6, 2, Pipeline.BUFFER),
            Pipeline.streamLayer(6, 2, SMALL_READ));
    for (Pipeline pipeline : pipelines) {
      Measurement.of(pipeline, RealisticTar.open(WARM_UP_BYTES, 99), WARM_UP_BYTES);
    }
    long inputBytes = Files.size(tar);
    Map<Pipeline, List<Measurement>> runs = new LinkedHashMap<>();
    int rounds = (int) number("rounds", 3);
    for (int round = 1; round <= rounds; round++) {
      for (Pipeline pipeline : pipelines) {
        Measurement m = Measurement.of(pipeline, Files.newInputStream(tar), inputBytes);
        runs.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(m);
        out.printf(
            Locale.ROOT,
            "  round %d  %-48s %7.1f MiB/s%n",
            round,
            pipeline.label(),
            m.mibPerSecond());
      }
    }
    report(runs, inputBytes);
  }

  private void report(Map<Pipeline, List<Measurement>> runs, long inputBytes) {
    out.printf(
        Locale.ROOT,
        "%n%-48s %11s %11s %8s %7s %6s %9s%n",
        "pipeline (input " + inputBytes / MIB + " MiB)",
        "best",
        "median",
        "cpu/wall",
        "output",
        "ratio",
        "heap peak");
    Map<String, Double> best = new HashMap<>();
    Map<String, Double> median = new HashMap<>();
    for (Map.Entry<Pipeline, List<Measurement>> entry : runs.entrySet()) {
      List<Measurement> measurements = entry.getValue();
      List<Double> speeds = measurements.stream().map(Measurement::mibPerSecond).sorted().toList();
      Measurement first = measurements.get(0);
      String label = entry.getKey().label();
      best.put(label, speeds.get(speeds.size() - 1));
      median.put(label, median(speeds));
      out.printf(
          Locale.ROOT,
          "%-48s %5.1f MiB/s %5.1f MiB/s %8.2f %3d MiB %5.2fx %5.1f MiB%n",
          label,
          best.get(label),
          median.get(label),
          (double) first.cpuNanos() / first.wallNanos(),
          first.output().size() / MIB,
          (double) inputBytes / first.output().size(),
          measurements.stream().mapToLong(Measurement::heapPeak).max().orElse(0) / (double) MIB);
    }
    checkSameDiffIds(runs);
    out.println();
    ratio(best, median, "StreamLayer, level 1", "bare GZIPOutputStream+sha256, level 1");
    ratio(best, median, "StreamLayer, level 6", "bare GZIPOutputStream+sha256, level 6");
    ratio(best, median, "StreamLayer, level 6, 2 workers", "StreamLayer, level 6");
    ratio(
        best,
        median,
        "StreamLayer, level 6, 2 workers, 4 KiB reads",
        "StreamLayer, level 6, 2 workers");
  }

  private static double median(List<Double> sorted) {
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private void ratio(
      Map<String, Double> best, Map<String, Double> median, String subject, String baseline) {
    out.printf(
        Locale.ROOT,
        "%s vs %s: %.3fx (best), %.3fx (median)%n",
        subject,
        baseline,
        ratio(best, subject, baseline),
        ratio(median, subject, baseline));
  }

  private static double ratio(Map<String, Double> figures, String subject, String baseline) {
    return Objects.requireNonNull(figures.get(subject), subject)
        / Objects.requireNonNull(figures.get(baseline), baseline);
  }

  private void checkSameDiffIds(Map<Pipeline, List<Measurement>> runs) {
    long distinct =
        runs.values().stream()
            .flatMap(List::stream)
            .map(m -> m.output().diffId())
            .distinct()
            .count();
    out.println(
        distinct == 1
            ? "every run computed the same DiffID"
            : "ERROR: runs computed " + distinct + " different DiffIDs");
  }

  private void longStream(long size, long seed) throws IOException {
    Pipeline pipeline =
        Pipeline.streamLayer(
            (int) number("big-level", 1), (int) number("big-workers", 1), Pipeline.BUFFER);
    Measurement m = Measurement.of(pipeline, RealisticTar.open(size, seed), size);
    out.printf(
        Locale.ROOT,
        "%n%s over a generated %d MiB stream: %.1f s, %.1f MiB/s (generation included),"
            + " cpu/wall %.2f, %d MiB out, heap peak %d MiB of max %d MiB, digest sha256:%s%n",
        pipeline.label(),
        size / MIB,
        m.wallNanos() / 1e9,
        m.mibPerSecond(),
        (double) m.cpuNanos() / m.wallNanos(),
        m.output().size() / MIB,
        m.heapPeak() / MIB,
        Runtime.getRuntime().maxMemory() / MIB,
        m.output().digest());
  }

  private long number(String name, long fallback) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " needs a whole number, got '" + value + "'");
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException(
            "options are '--name value' pairs (size-mib, rounds, big-gib, big-level, big-workers,"
                + " seed, dir), got '"
                + args[i]
                + "'");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
