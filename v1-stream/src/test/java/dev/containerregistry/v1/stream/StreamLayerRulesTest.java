package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The not-computed, consumed, close-early and option rules, in both modes. */
class StreamLayerRulesTest {

  private static final byte[] INPUT = TestData.mixed(300_000, 42);

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void valuesAreNotComputedBeforeTheStreamIsRead(int parallelism) {
    StreamLayer layer = layer(new ByteArrayInputStream(INPUT), parallelism);

    assertNotComputed(layer, "has not been called");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void valuesAreNotComputedWhileTheStreamIsBeingRead(int parallelism) throws IOException {
    StreamLayer layer = layer(new ByteArrayInputStream(INPUT), parallelism);

    try (InputStream compressed = layer.compressed()) {
      compressed.readNBytes(1000);
      assertNotComputed(layer, "is being read");
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void valuesAreKnownOnceTheLastByteIsReadEvenBeforeClose(int parallelism) throws IOException {
    StreamLayer layer = layer(new ByteArrayInputStream(INPUT), parallelism);

    InputStream compressed = layer.compressed();
    byte[] emitted = compressed.readAllBytes();

    assertEquals(Hash.sha256(emitted), layer.digest());
    assertEquals(Hash.sha256(INPUT), layer.diffId());
    assertEquals(emitted.length, layer.size());
  }

  @ParameterizedTest(name = "parallelism {0}, closed after {1} bytes")
  @CsvSource({"1, 0", "1, 1000", "2, 0", "2, 1000"})
  void closingBeforeTheEndReleasesTheInputAndLeavesNoValues(int parallelism, int readFirst)
      throws IOException {
    TrackingInputStream input = new TrackingInputStream(INPUT);
    StreamLayer layer = layer(input, parallelism);

    InputStream compressed = layer.compressed();
    compressed.readNBytes(readFirst);
    compressed.close();

    assertTrue(input.closed(), "input closed");
    assertEquals(readFirst > 0, input.bytesRead() > 0, "the input is read only when output is");
    assertNotComputed(layer, "was closed before its end");
    assertThrows(IOException.class, compressed::read, "reading a closed stream");
    assertThrows(AlreadyConsumedException.class, layer::compressed);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void reachingTheEndClosesTheInput(int parallelism) throws IOException {
    TrackingInputStream input = new TrackingInputStream(INPUT);
    StreamLayer layer = layer(input, parallelism);

    InputStream compressed = layer.compressed();
    compressed.readAllBytes();

    assertTrue(input.closed());
    assertEquals(-1, compressed.read(), "the end is sticky");
    compressed.close();
    assertEquals(Hash.sha256(INPUT), layer.diffId(), "closing after the end keeps the values");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void aFailingInputFailsTheStreamAndLeavesNoValues(int parallelism) throws IOException {
    InputStream failing = TestData.failingAfter(Arrays.copyOf(INPUT, 200_000), "disk gone");
    StreamLayer layer = layer(failing, parallelism);

    InputStream compressed = layer.compressed();
    IOException thrown = assertThrows(IOException.class, compressed::readAllBytes);

    assertTrue(
        thrown.getMessage().contains("input of a stream layer failed after 200000 bytes"),
        thrown::getMessage);
    assertTrue(thrown.getMessage().contains("disk gone"), thrown::getMessage);
    assertNotComputed(layer, "failed");
    assertThrows(IOException.class, compressed::read, "a failed stream stays failed");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void compressedCanBeCalledOnlyOnce(int parallelism) throws IOException {
    StreamLayer layer = layer(new ByteArrayInputStream(INPUT), parallelism);
    try (InputStream compressed = layer.compressed()) {
      compressed.readAllBytes();
    }

    AlreadyConsumedException thrown =
        assertThrows(AlreadyConsumedException.class, layer::compressed);
    assertTrue(thrown.getMessage().contains("already read to the end"), thrown::getMessage);
  }

  @Test
  void ofConcurrentCallersExactlyOneGetsTheStream() throws Exception {
    int callers = 8;
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(INPUT));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<InputStream>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<InputStream> call =
            () -> {
              start.await();
              return layer.compressed();
            };
        results.add(pool.submit(call));
      }
      start.countDown();

      int winners = 0;
      int losers = 0;
      for (Future<InputStream> result : results) {
        try {
          result.get().close();
          winners++;
        } catch (ExecutionException e) {
          assertTrue(e.getCause() instanceof AlreadyConsumedException, e::toString);
          losers++;
        }
      }
      assertEquals(1, winners);
      assertEquals(callers - 1, losers);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void valuesAreVisibleFromAnotherThread() throws Exception {
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(INPUT));
    byte[] emitted = CompletableFuture.supplyAsync(() -> readAll(layer)).get();

    assertEquals(Hash.sha256(emitted), layer.digest());
    assertEquals(Hash.sha256(INPUT), layer.diffId());
  }

  @Test
  void uncompressedAlwaysFailsWithAClearMessage() {
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(INPUT));

    UnsupportedOperationException thrown =
        assertThrows(UnsupportedOperationException.class, layer::uncompressed);
    assertTrue(thrown.getMessage().contains("read once"), thrown::getMessage);
  }

  @Test
  void mediaTypeDefaultsToTheDockerLayer() {
    assertEquals(
        MediaType.DOCKER_LAYER, StreamLayer.of(new ByteArrayInputStream(INPUT)).mediaType());
    assertEquals(
        MediaType.OCI_LAYER,
        StreamLayer.builder(new ByteArrayInputStream(INPUT))
            .mediaType(MediaType.OCI_LAYER)
            .build()
            .mediaType());
  }

  @Test
  void theDefaultLevelIsTheFastestAndTheHeaderSaysSo() throws IOException {
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(INPUT));
    byte[] header = layer.compressed().readNBytes(10);

    assertEquals(1, StreamLayer.DEFAULT_COMPRESSION_LEVEL);
    assertEquals(4, header[8], "XFL says fastest");
  }

  @ParameterizedTest(name = "level {0}, workers {1}, block size {2} -> {3}")
  @CsvSource({
    "-1, 1, 1048576, compression level must be between 0 and 9, got -1",
    "10, 1, 1048576, compression level must be between 0 and 9, got 10",
    "1, 0, 1048576, parallelism must be between 1 and 256 workers, got 0",
    "1, 257, 1048576, parallelism must be between 1 and 256 workers, got 257",
    "1, 2, 0, block size must be between 1 and 67108864 bytes, got 0",
    "1, 2, 67108865, block size must be between 1 and 67108864 bytes, got 67108865",
  })
  void badNumbersAreRefusedQuotingTheValue(int level, int workers, int blockSize, String expected) {
    StreamLayer.Builder builder =
        StreamLayer.builder(new ByteArrayInputStream(INPUT))
            .compressionLevel(level)
            .parallelism(workers)
            .blockSize(blockSize);

    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(thrown.getMessage().contains(expected), thrown::getMessage);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/vnd.oci.image.layer.v1.tar+zstd",
        "application/vnd.oci.image.layer.v1.tar",
        "application/vnd.docker.image.rootfs.diff.tar"
      })
  void mediaTypesThatAreNotGzipAreRefused(String mediaType) {
    StreamLayer.Builder builder =
        StreamLayer.builder(new ByteArrayInputStream(INPUT)).mediaType(MediaType.of(mediaType));

    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(
        thrown.getMessage().contains("cannot declare the media type '" + mediaType + "'"),
        thrown::getMessage);
  }

  private static StreamLayer layer(InputStream input, int parallelism) {
    return StreamLayer.builder(input).parallelism(parallelism).blockSize(64 * 1024).build();
  }

  private static byte[] readAll(StreamLayer layer) {
    try (InputStream compressed = layer.compressed()) {
      return compressed.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertNotComputed(StreamLayer layer, String why) {
    List<Executable> values = List.of(layer::digest, layer::diffId, layer::size);
    for (Executable value : values) {
      NotComputedException thrown = assertThrows(NotComputedException.class, value);
      assertTrue(thrown.getMessage().contains(why), thrown::getMessage);
    }
    assertFalse(layer.toString().isEmpty());
  }
}
