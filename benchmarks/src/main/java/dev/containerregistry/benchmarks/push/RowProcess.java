package dev.containerregistry.benchmarks.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one row once as a process, its output in a log file, and gathers its figures: those a JVM
 * row reports, or, for a tool, its wall time and (through {@code /usr/bin/time}, when installed)
 * its CPU time.
 */
final class RowProcess {

  private static final Path TIME = Path.of("/usr/bin/time");

  private RowProcess() {}

  /** Runs {@code row} pushing to {@code ref}, with {@code scratch} as its temp directory. */
  static RunFigures run(Row row, String ref, Path scratch, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    Path times = log.resolveSibling(log.getFileName() + ".time");
    boolean timed = !row.kind().reportsItself() && Files.isExecutable(TIME);
    if (timed) {
      command.addAll(List.of(TIME.toString(), "-f", "%U\n%S", "-o", times.toString()));
    }
    command.addAll(row.command().of(ref, scratch));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("TMPDIR", scratch.toString());
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IOException(
          row.label()
              + " failed with exit code "
              + exit
              + " (log "
              + log
              + "): "
              + String.join(" | ", output.subList(Math.max(0, output.size() - 5), output.size())));
    }
    if (row.kind().reportsItself()) {
      RowReport.Figures figures =
          output.stream()
              .map(RowReport::parse)
              .flatMap(Optional::stream)
              .findFirst()
              .orElseThrow(() -> new IOException(row.label() + " printed no result line: " + log));
      return new RunFigures(figures.seconds(), figures.cpuSeconds(), figures.heapPeak(), -1);
    }
    return new RunFigures(wall, timed ? cpuSeconds(times) : Double.NaN, -1, -1);
  }

  /** The user and system seconds, the last two lines {@code /usr/bin/time} wrote. */
  private static double cpuSeconds(Path times) throws IOException {
    List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8);
    int n = lines.size();
    return Double.parseDouble(lines.get(n - 2).trim())
        + Double.parseDouble(lines.get(n - 1).trim());
  }
}
