package dev.containerregistry.v1.zstd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The system's {@code zstd}, an independent implementation, and real bytes to compress. */
final class SystemZstd {

  private SystemZstd() {}

  /** What {@code zstd -d -c file} writes; fails the test unless it exits with 0. */
  static byte[] decompress(Path file) throws IOException, InterruptedException {
    return run(List.of("zstd", "-q", "-d", "-c", file.toString()));
  }

  /** What {@code zstd -q -c -LEVEL file} writes. */
  static byte[] compress(Path file, int level) throws IOException, InterruptedException {
    return run(List.of("zstd", "-q", "-c", "-" + level, file.toString()));
  }

  /**
   * The first {@code length} bytes of the JDK's own module image: real class files and resources,
   * which compress like real layers do.
   */
  static byte[] realBytes(int length) throws IOException {
    Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
    try (InputStream in = Files.newInputStream(modules)) {
      return in.readNBytes(length);
    }
  }

  private static byte[] run(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    CompletableFuture<byte[]> output =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream out = process.getInputStream()) {
                return out.readAllBytes();
              } catch (IOException e) {
                throw new IllegalStateException("reading the output of " + command, e);
              }
            });
    assertEquals(0, process.waitFor(), "exit status of " + command);
    return output.join();
  }
}
