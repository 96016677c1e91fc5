package dev.containerregistry.v1.zstd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.compression.LayerCompression;
import dev.containerregistry.v1.compression.LayerCompressions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZstdTest {

  @TempDir Path directory;

  @ParameterizedTest(name = "level {0}, {1} workers, {2} bytes")
  @CsvSource({"1, 1, 0", "3, 1, 1", "3, 1, 3000000", "19, 1, 400000", "3, 2, 12000000"})
  void theSystemZstdDecompressesTheOutput(int level, int workers, int length) throws Exception {
    byte[] input = SystemZstd.realBytes(length);
    byte[] compressed = compress(Zstd.compression(level), input, workers);
    Path file = directory.resolve("out.zst");
    Files.write(file, compressed);

    assertArrayEquals(input, SystemZstd.decompress(file));
    assertArrayEquals(input, decompress(compressed));
  }

  @Test
  void parallelOutputIsTheSameWhateverTheNumberOfWorkers() throws IOException {
    byte[] input = SystemZstd.realBytes(20_000_000);
    byte[] two = compress(Zstd.compression(), input, 2);
    byte[] three = compress(Zstd.compression(), input, 3);

    assertArrayEquals(two, three);
    assertArrayEquals(input, decompress(two));
  }

  @Test
  void readsConcatenatedFramesWrittenByTheSystemZstd() throws Exception {
    byte[] first = SystemZstd.realBytes(700_000);
    byte[] second = "and a second frame ".repeat(1000).getBytes(StandardCharsets.UTF_8);
    Path a = directory.resolve("a");
    Path b = directory.resolve("b");
    Files.write(a, first);
    Files.write(b, second);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(SystemZstd.compress(a, 3));
    both.write(SystemZstd.compress(b, 19));

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(first);
    expected.write(second);
    assertArrayEquals(expected.toByteArray(), decompress(both.toByteArray()));
  }

  @Test
  void aTruncatedStreamFails() throws IOException {
    byte[] compressed = compress(Zstd.compression(), SystemZstd.realBytes(500_000), 1);
    byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);

    assertThrows(IOException.class, () -> decompress(truncated));
  }

  @Test
  void isFoundByTheServiceLoaderByNameMediaTypeAndMagic() throws IOException {
    LayerCompression found = LayerCompressions.named("zstd").orElseThrow();

    assertInstanceOf(Zstd.class, found);
    assertEquals(Zstd.DEFAULT_LEVEL, found.level());
    assertEquals(found, LayerCompressions.forWriting(MediaType.OCI_LAYER_ZSTD));
    byte[] compressed = compress(Zstd.compression(7), new byte[10], 1);
    assertEquals(Optional.of(found), LayerCompressions.detect(compressed, "blob"));
    assertEquals("zstd level 7", Zstd.compression(7).toString());
  }

  @Test
  void refusesLevelsAndWorkersOutOfRangeQuotingThem() {
    assertEquals(
        "the zstd level must be between 1 and 22, got 23",
        assertThrows(IllegalArgumentException.class, () -> Zstd.compression(23)).getMessage());
    assertEquals(
        "the zstd level must be between 1 and 22, got 0",
        assertThrows(IllegalArgumentException.class, () -> Zstd.compression(0)).getMessage());
    assertEquals(
        "zstd needs at least 1 worker, got 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> Zstd.compression().compress(InputStream.nullInputStream(), 0))
            .getMessage());
  }

  @Test
  void closingEarlyClosesTheInputAndLaterReadsFail() throws IOException {
    boolean[] closed = {false};
    InputStream input =
        new ByteArrayInputStream(SystemZstd.realBytes(1_000_000)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    InputStream compressing = Zstd.compression().compress(input, 2);
    assertTrue(compressing.read(new byte[100]) > 0);

    compressing.close();

    assertTrue(closed[0]);
    assertThrows(IOException.class, () -> compressing.read(new byte[1]));
  }

  static byte[] compress(LayerCompression zstd, byte[] input, int workers) throws IOException {
    try (InputStream in = zstd.compress(new ByteArrayInputStream(input), workers)) {
      return in.readAllBytes();
    }
  }

  static byte[] decompress(byte[] compressed) throws IOException {
    try (InputStream in = Zstd.compression().decompress(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }
}
