package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bytes kept in chunks read back the same across chunk boundaries, and after reuse. */
class ChunkedBytesTest {

  @ParameterizedTest(name = "chunks of {0}, {1} bytes appended, {2} asked for")
  @CsvSource({
    "1, 10000, 10000",
    "4096, 4096, 4096",
    "4096, 4097, 5000",
    "5000, 20000, 12345",
    "1048576, 300000, 300000",
    "1048576, 300000, 262144",
  })
  void copiesBackWhatWasAppendedAcrossChunks(int chunkSize, int inputSize, int asked)
      throws IOException {
    byte[] input = TestData.mixed(inputSize, chunkSize);
    ChunkedBytes bytes = new ChunkedBytes(chunkSize);

    int appended = appendAll(bytes, input, asked);

    int expected = Math.min(inputSize, asked);
    assertEquals(expected, appended);
    assertEquals(expected, bytes.length());
    assertArrayEquals(Arrays.copyOf(input, expected), copyAll(bytes, 777));
    byte[] tail = new byte[Math.min(expected, InputWindow.SIZE)];
    bytes.copyTailTo(tail.length, tail, 0);
    assertArrayEquals(Arrays.copyOfRange(input, expected - tail.length, expected), tail);
  }

  @ParameterizedTest(name = "{0} bytes, then {1}")
  @CsvSource({"300000, 1000", "1000, 300000", "0, 5"})
  void aClearedRunIsReusedFromItsStart(int first, int second) throws IOException {
    ChunkedBytes bytes = new ChunkedBytes(64 * 1024);
    appendAll(bytes, TestData.mixed(first, 1), first);
    byte[] input = TestData.mixed(second, 2);

    bytes.clear();
    appendAll(bytes, input, second);

    assertArrayEquals(input, copyAll(bytes, 4096));
  }

  private static int appendAll(ChunkedBytes bytes, byte[] input, int count) throws IOException {
    return bytes.appendFrom(new HashedInput(new ByteArrayInputStream(input)), count);
  }

  private static byte[] copyAll(ChunkedBytes bytes, int readSize) {
    byte[] all = new byte[bytes.length()];
    for (int position = 0; position < all.length; ) {
      position += bytes.copyTo(position, all, position, Math.min(readSize, all.length - position));
    }
    return all;
  }
}
