package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gzip header says how hard it compressed; the trailer keeps the length modulo 2^32. */
class GzipFramingTest {

  @ParameterizedTest(name = "level {0} -> XFL {1}")
  @CsvSource({"0, 0", "1, 4", "6, 0", "9, 2"})
  void headerIsFixedButForTheExtraFlags(int level, int extraFlags) {
    byte[] expected = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) extraFlags, (byte) 0xff};

    assertArrayEquals(expected, GzipFraming.header(level));
  }

  @ParameterizedTest(name = "length {1}")
  @CsvSource({
    "0, 0, 00 00 00 00 00 00 00 00",
    "3735928559, 1, ef be ad de 01 00 00 00",
    "1, 4294967296, 01 00 00 00 00 00 00 00",
    "1, 21474836487, 01 00 00 00 07 00 00 00",
  })
  void trailerIsLittleEndianWithTheLengthModulo2To32(long crc, long length, String hex) {
    byte[] expected = HexFormat.ofDelimiter(" ").parseHex(hex);

    assertArrayEquals(expected, GzipFraming.trailer(crc, length));
  }
}
