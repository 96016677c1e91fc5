package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.v1.Hash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Given an input, when the compressed stream is read to its end, then the values are the hashes and
 * the count of what was read and written, and the gzip bytes decompress to the input.
 */
class StreamLayerRoundTripTest {

  @ParameterizedTest(name = "one worker, level {0}, {1} bytes, read {2} at a time")
  @CsvSource({
    "1, 0, 8192",
    "1, 1, 8192",
    "1, 1, 1",
    "1, 70000, 1",
    "1, 1000000, 4096",
    "0, 300000, 65536",
    "6, 300000, 8192",
    "9, 300000, 100000",
    "6, 2000000, 7",
  })
  void streamOfOneWorkerRoundTrips(int level, int inputSize, int readSize) throws Exception {
    byte[] input = TestData.mixed(inputSize, inputSize);
    StreamLayer layer = TestData.layer(input, 1, level, StreamLayer.DEFAULT_BLOCK_SIZE);

    assertRoundTrip(layer, input, readSize);
  }

  /** Among the rows: level 0 with blocks of 4086 bytes, whose output fills 4 KiB exactly. */
  @ParameterizedTest(name = "{0} workers, level {1}, blocks of {2}, {3} bytes")
  @CsvSource({
    "2, 1, 65536, 0",
    "2, 1, 65536, 1",
    "2, 6, 65536, 65536",
    "2, 6, 65536, 196608",
    "2, 6, 65536, 196609",
    "2, 6, 65536, 196607",
    "3, 1, 1, 300",
    "2, 6, 7, 5000",
    "2, 6, 1000, 100000",
    "4, 9, 32768, 300000",
    "2, 6, 32769, 300000",
    "2, 0, 50000, 300000",
    "2, 0, 4086, 20000",
    "2, 1, 100000, 1000000",
    "2, 6, 131073, 400000",
    "3, 1, 300000, 900000",
    "5, 6, 1048576, 3145728",
    "2, 6, 1048576, 2500000",
  })
  void parallelStreamRoundTrips(int workers, int level, int blockSize, int inputSize)
      throws Exception {
    byte[] input = TestData.mixed(inputSize, blockSize + inputSize);
    StreamLayer layer = TestData.layer(input, workers, level, blockSize);

    assertRoundTrip(layer, input, 16384);
  }

  @ParameterizedTest(name = "parallel output read {0} bytes at a time")
  @CsvSource({"1", "3", "4096", "1000000"})
  void parallelStreamServesAnyReadSize(int readSize) throws Exception {
    byte[] input = TestData.mixed(200_000, 7);
    StreamLayer layer = TestData.layer(input, 2, 1, 40_000);

    assertRoundTrip(layer, input, readSize);
  }

  @ParameterizedTest(name = "blocks of {0}")
  @CsvSource({"1000", "65536", "1048576"})
  void outputDependsOnTheBlockSizeNotOnTheNumberOfWorkers(int blockSize) throws Exception {
    byte[] input = TestData.mixed(1_500_000, 5);

    Hash oneWorker = digestWith(input, 1, blockSize);
    assertEquals(oneWorker, digestWith(input, 2, blockSize));
    assertEquals(oneWorker, digestWith(input, 5, blockSize));
    assertEquals(digestWith(input, 3, blockSize), digestWith(input, 3, blockSize));
  }

  @Test
  void theDefaultLayerHasTheDigestOfOneWorkerWhateverTheMachine() throws Exception {
    byte[] input = TestData.mixed(3_500_000, 11);
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(input));
    try (InputStream compressed = layer.compressed()) {
      compressed.transferTo(OutputStream.nullOutputStream());
    }

    assertEquals(digestWith(input, 1, StreamLayer.DEFAULT_BLOCK_SIZE), layer.digest());
  }

  private static Hash digestWith(byte[] input, int workers, int blockSize) throws Exception {
    StreamLayer layer = TestData.layer(input, workers, 1, blockSize);
    try (InputStream compressed = layer.compressed()) {
      compressed.transferTo(OutputStream.nullOutputStream());
    }
    return layer.digest();
  }

  private static void assertRoundTrip(StreamLayer layer, byte[] input, int readSize)
      throws Exception {
    byte[] emitted;
    try (InputStream compressed = layer.compressed()) {
      emitted = readSize == 1 ? readByteByByte(compressed) : TestData.readAll(compressed, readSize);
    }

    assertEquals(TestData.sha256(input), layer.diffId(), "DiffID is the sha256 of the input");
    assertEquals(TestData.sha256(emitted), layer.digest(), "digest is the sha256 of the output");
    assertEquals(emitted.length, layer.size(), "size counts the output");
    assertArrayEquals(input, TestData.gunzip(emitted), "the output decompresses to the input");
  }

  private static byte[] readByteByByte(InputStream in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      out.write(b);
    }
    return out.toByteArray();
  }
}
