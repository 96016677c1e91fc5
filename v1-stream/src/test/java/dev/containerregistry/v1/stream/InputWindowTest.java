package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The window always holds the last 32 KiB of the input read so far, however it was cut. */
class InputWindowTest {

  @ParameterizedTest(name = "{1} bytes in pieces of {0}")
  @CsvSource({
    "7, 40000",
    "1000, 150000",
    "32767, 150000",
    "32768, 150000",
    "32769, 150000",
    "100000, 150000",
  })
  void holdsTheLast32KiBOfEverythingSlidOver(int pieceSize, int inputSize) throws IOException {
    byte[] input = TestData.mixed(inputSize, pieceSize);
    HashedInput in = new HashedInput(new ByteArrayInputStream(input));
    InputWindow window = new InputWindow();
    ChunkedBytes piece = new ChunkedBytes(pieceSize);

    for (int read = 0; read < input.length; ) {
      piece.clear();
      read += piece.appendFrom(in, pieceSize);
      window.slideOver(piece);

      byte[] held = new byte[InputWindow.SIZE];
      int length = window.copyTo(held);
      assertArrayEquals(
          Arrays.copyOfRange(input, Math.max(0, read - InputWindow.SIZE), read),
          Arrays.copyOf(held, length),
          "after " + read + " bytes");
    }
  }
}
