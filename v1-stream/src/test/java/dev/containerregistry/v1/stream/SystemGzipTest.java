package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The system's {@code gzip -d}, an independent reader, accepts the output of both modes. */
class SystemGzipTest {

  private static final Path GZIP = Path.of("/bin/gzip");

  @TempDir Path directory;

  @ParameterizedTest(name = "{0} workers, level {1}, blocks of {2}, {3} bytes")
  @CsvSource({
    "1, 1, 1048576, 500000",
    "2, 1, 65536, 0",
    "2, 6, 65536, 1",
    "2, 6, 65536, 262144",
    "3, 9, 10000, 333333",
    "2, 0, 32768, 200000",
    "4, 6, 1048576, 2621440",
  })
  void gzipDecompressesTheOutputToTheInput(int workers, int level, int blockSize, int inputSize)
      throws Exception {
    assumeTrue(Files.isExecutable(GZIP), "no " + GZIP + " on this machine");
    byte[] input = TestData.mixed(inputSize, inputSize + 11);
    StreamLayer layer = TestData.layer(input, workers, level, blockSize);
    Path file = directory.resolve("layer.tar.gz");
    try (InputStream compressed = layer.compressed()) {
      Files.copy(compressed, file);
    }

    assertArrayEquals(input, systemGunzip(file));
  }

  private static byte[] systemGunzip(Path file) throws IOException, InterruptedException {
    Process gzip =
        new ProcessBuilder(GZIP.toString(), "-d", "-c", file.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    CompletableFuture<byte[]> output =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream out = gzip.getInputStream()) {
                return out.readAllBytes();
              } catch (IOException e) {
                throw new IllegalStateException("reading gzip -d output", e);
              }
            });
    assertEquals(0, gzip.waitFor(), "gzip -d exit status");
    return output.join();
  }
}
