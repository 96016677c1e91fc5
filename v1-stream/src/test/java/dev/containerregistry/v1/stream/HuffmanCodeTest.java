package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Given symbol frequencies, the code lengths are complete and limited, the codes canonical. */
class HuffmanCodeTest {

  @Test
  void lengthsOfSkewedFrequenciesStayWithinTheLimitAndFormACompleteCode() {
    int[] frequencies = new int[30];
    int a = 1;
    int b = 1;
    for (int s = 0; s < frequencies.length; s++) {
      frequencies[s] = a;
      int next = a + b;
      a = b;
      b = next;
    }
    int[] lengths = new int[30];

    new HuffmanCode().lengths(frequencies, 30, HuffmanCode.MAX_LENGTH, lengths);

    double kraft = 0;
    for (int length : lengths) {
      assertTrue(length >= 1 && length <= HuffmanCode.MAX_LENGTH, "length " + length);
      kraft += Math.pow(2, -length);
    }
    assertEquals(1.0, kraft, 1e-12, "the code is complete");
  }

  @Test
  void aSingleUsedSymbolStillGetsACompleteCodeOfTwoOneBitCodes() {
    int[] frequencies = new int[19];
    frequencies[0] = 5;
    int[] lengths = new int[19];

    new HuffmanCode().lengths(frequencies, 19, 7, lengths);

    int[] expected = new int[19];
    expected[0] = 1;
    expected[1] = 1;
    assertArrayEquals(expected, lengths);
  }

  @Test
  void lengthsFollowTheFrequencies() {
    int[] frequencies = {1, 1, 2, 4, 0, 8};
    int[] lengths = new int[6];

    new HuffmanCode().lengths(frequencies, 6, HuffmanCode.MAX_LENGTH, lengths);

    assertArrayEquals(new int[] {4, 4, 3, 2, 0, 1}, lengths);
  }

  @Test
  void codesAreTheCanonicalOnesOfRfc1951BitReversed() {
    // RFC 1951, 3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give 010 011 100 101 110 00 1110 1111.
    int[] lengths = {3, 3, 3, 3, 3, 2, 4, 4};
    int[] codes = new int[8];

    new HuffmanCode().codes(lengths, 8, codes);

    int[] msbFirst = {0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111};
    for (int s = 0; s < 8; s++) {
      assertEquals(
          Integer.reverse(msbFirst[s]) >>> (32 - lengths[s]), codes[s], "code of symbol " + s);
    }
  }
}
