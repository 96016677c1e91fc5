package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Given inputs that exercise level 1's own encoder (stored fallback, long matches, matches across
 * chunks and blocks), the output decompresses to the input and is as small as those matches allow.
 */
class FastBlockEncoderTest {

  @Test
  void incompressibleInputIsStoredWithLittleOverhead() throws Exception {
    byte[] input = random(3_000_000, 1);

    byte[] gzip = compress(input, 2, StreamLayer.DEFAULT_BLOCK_SIZE);

    assertArrayEquals(input, TestData.gunzip(gzip));
    assertTrue(gzip.length < input.length + input.length / 1000, "stored: " + gzip.length);
  }

  @Test
  void aLongRunBecomesMatchesOfTheLongestLength() throws Exception {
    byte[] input = new byte[2_000_000];
    Arrays.fill(input, (byte) 'a');

    byte[] gzip = compress(input, 1, StreamLayer.DEFAULT_BLOCK_SIZE);

    assertArrayEquals(input, TestData.gunzip(gzip));
    assertTrue(gzip.length < input.length / 200, "size " + gzip.length);
  }

  /**
   * A random 20 KiB pattern repeated: once the first copy is written, every byte is a match 20 KiB
   * back, across the 128 KiB chunks of a block (its window) and across blocks (their dictionary).
   */
  @ParameterizedTest(name = "blocks of {0}, {1} workers")
  @CsvSource({"1048576, 1", "65536, 2", "5000, 3"})
  void matchesReachAcrossChunksAndBlocks(int blockSize, int workers) throws Exception {
    byte[] pattern = random(20 * 1024, 2);
    byte[] input = new byte[2_000_000];
    for (int i = 0; i < input.length; i++) {
      input[i] = pattern[i % pattern.length];
    }

    byte[] gzip = compress(input, workers, blockSize);

    assertArrayEquals(input, TestData.gunzip(gzip));
    int overhead = blockSize < 65536 ? input.length / 20 : input.length / 50;
    assertTrue(gzip.length < pattern.length + overhead, "size " + gzip.length);
  }

  @Test
  void skippingThroughNoiseStillFindsTheTextAfterIt() throws Exception {
    byte[] noise = random(500_000, 3);
    byte[] text = TestData.mixed(500_000, 4);
    byte[] input = new byte[noise.length + 2 * text.length];
    System.arraycopy(text, 0, input, 0, text.length);
    System.arraycopy(noise, 0, input, text.length, noise.length);
    System.arraycopy(text, 0, input, text.length + noise.length, text.length);

    byte[] gzip = compress(input, 2, 100_000);

    assertArrayEquals(input, TestData.gunzip(gzip));
  }

  /**
   * Inputs stitched from pieces of every kind (noise, text, runs, short and far repeats, lengths
   * around the 258-byte match limit and the 32 KiB window), at block sizes from 1 byte up: every
   * output inflates to its input, and 1 and 3 workers write the same bytes.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void stitchedInputsOfEveryKindRoundTripAtEveryBlockSize(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    int[] blockSizes = {1, 97, 4096, 65536, StreamLayer.DEFAULT_BLOCK_SIZE};
    int blockSize = blockSizes[random.nextInt(blockSizes.length)];
    byte[] input = stitched(random, random.nextInt(1, blockSize < 4096 ? 20_000 : 600_000));

    byte[] one = compress(input, 1, blockSize);
    byte[] three = compress(input, 3, blockSize);

    assertArrayEquals(input, TestData.gunzip(one), "block size " + blockSize);
    assertArrayEquals(one, three, "block size " + blockSize);
  }

  private static byte[] stitched(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    int at = 0;
    while (at < length) {
      int piece = Math.min(length - at, random.nextInt(1, 70_000));
      switch (random.nextInt(5)) {
        case 0 -> System.arraycopy(random(piece, random.nextLong()), 0, out, at, piece);
        case 1 -> System.arraycopy(TestData.mixed(piece, random.nextLong()), 0, out, at, piece);
        case 2 -> Arrays.fill(out, at, at + piece, (byte) random.nextInt(256));
        default -> {
          int distance = random.nextInt(1, 40_000);
          for (int i = 0; i < piece; i++) {
            int from = at + i - distance;
            out[at + i] = from >= 0 ? out[from] : (byte) random.nextInt(256);
          }
        }
      }
      at += piece;
    }
    return out;
  }

  private static byte[] compress(byte[] input, int workers, int blockSize) throws Exception {
    StreamLayer layer = TestData.layer(input, workers, 1, blockSize);
    try (InputStream compressed = layer.compressed()) {
      return TestData.readAll(compressed, 65536);
    }
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }
}
