package dev.containerregistry.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.Commands;
import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
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
    Path tar = dir.resolve("big.tar");
    try (OutputStream out = Files.newOutputStream(tar)) {
      TarStreams.write(48L << 20, 3, out);
    }
    String ref = registry.ref("cli/progress:1");
    String command =
        CrsRun.commandLine("-v", "append", "-f", tar.toString(), "-t", ref).stream()
            .map(arg -> "'" + arg + "'")
            .collect(Collectors.joining(" "));

    // script gives crs a pseudo-terminal for stdin, stdout and stderr and copies the screen out.
    String screen = Commands.run(List.of("script", "-qfec", command, "/dev/null"));

    assertTrue(screen.contains("\r\033[K["), "the bar is redrawn in place: " + screen);
    assertTrue(screen.contains(" MiB / "), "bytes done of the total: " + screen);
    assertTrue(screen.contains("/s  "), "the rate: " + screen);
    assertTrue(screen.contains("2 blobs done"), "layer and config counted: " + screen);
    assertTrue(screen.contains("uploaded sha256:"), "-v prints a line per blob: " + screen);
    assertTrue(screen.contains(registry.hostPort() + "/cli/progress@sha256:"), screen);
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
