package dev.containerregistry.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.Commands;
import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar as a person sees it: crs run under a pseudo-terminal ({@code script}), its
 * screen read back; and nothing of it when stderr is a pipe.
 */
@RegistryTest
class CrsProgressTest {

  @TempDir Path dir;

  @Test
  void aTerminalShowsTheBarAndWithVerboseALinePerBlob(RegistryContainer registry) throws Exception {
    Path tar = bigTar(3);
    String ref = registry.ref("cli/progress:1");

    String screen = underTerminal("-v", "append", "-f", tar.toString(), "-t", ref);

    assertTrue(screen.contains("\r\033[K["), "the bar is redrawn in place: " + screen);
    assertTrue(screen.contains(" MiB / "), "bytes done of the total: " + screen);
    assertTrue(screen.contains("/s  "), "the rate: " + screen);
    assertTrue(screen.contains("2 blobs done"), "layer and config counted: " + screen);
    assertTrue(screen.contains("uploaded sha256:"), "-v prints a line per blob: " + screen);
    assertTrue(
        screen.matches("(?s).*  big-3\\.tar [0-9.]+ [KM]iB.*"), "the blob's own bytes: " + screen);
    assertTrue(screen.contains(registry.hostPort() + "/cli/progress@sha256:"), screen);
  }

  @Test
  void aPullShowsEachBlobsBytesOfItsSizeAndTheTotal(RegistryContainer registry) throws Exception {
    Path tar = bigTar(4);
    String ref = registry.ref("cli/progress-pull:1");
    CrsRun crs = new CrsRun(dir.resolve("docker"));
    crs.run("-q", "append", "-f", tar.toString(), "-t", ref).ok();
    Path pulled = dir.resolve("pulled.tar");

    String screen = underTerminal("-v", "pull", "--format", "tarball", ref, pulled.toString());

    assertTrue(screen.contains("\r\033[K["), "the bar is redrawn in place: " + screen);
    assertTrue(
        screen.matches("(?s).*  sha256:[0-9a-f]{12} [0-9.]+ [KM]iB / [0-9.]+ MiB.*"),
        "the layer's bytes of its size: " + screen);
    assertTrue(screen.contains("1 blob done"), "the layer counted: " + screen);
    assertTrue(screen.contains("pulled sha256:"), "-v prints a line per blob: " + screen);
    assertTrue(screen.contains("[" + "#".repeat(24) + "]"), "the bar ends full: " + screen);
    assertTrue(Files.size(pulled) > 20L << 20, "the tarball holds the layer");
  }

  /** A 48 MiB tar file, half of it random (so its layer stays large), from {@code seed}. */
  private Path bigTar(long seed) throws IOException {
    Path tar = dir.resolve("big-" + seed + ".tar");
    try (OutputStream out = Files.newOutputStream(tar)) {
      TarStreams.write(48L << 20, seed, out);
    }
    return tar;
  }

  /**
   * Runs crs with {@code args} under a pseudo-terminal ({@code script} gives it one for stdin,
   * stdout and stderr) and returns the screen.
   */
  private static String underTerminal(String... args) throws Exception {
    String command =
        CrsRun.commandLine(args).stream()
            .map(arg -> "'" + arg + "'")
            .collect(Collectors.joining(" "));
    return Commands.run(List.of("script", "-qfec", command, "/dev/null"));
  }

  @Test
  void aPipeGetsNoProgressAndStdoutOnlyTheResult(RegistryContainer registry) throws Exception {
    CrsRun crs = new CrsRun(dir.resolve("docker"));
    String ref = registry.ref("cli/progress-pipe:1");

    CrsRun.Result result =
        crs.run(TarStreams.small(3 << 20, 4), "append", "-f", "-", "-t", ref).ok();

    assertEquals("", result.stderr());
    assertTrue(result.out().matches(".*/cli/progress-pipe@sha256:[0-9a-f]{64}\n"), result.out());
  }
}
