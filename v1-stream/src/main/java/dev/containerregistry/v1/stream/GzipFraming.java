package dev.containerregistry.v1.stream;

import java.util.zip.Deflater;

/** The gzip member header and trailer around a raw deflate stream (RFC 1952, section 2.3). */
final class GzipFraming {

  private static final int ID1 = 0x1f;
  private static final int ID2 = 0x8b;
  private static final int CM_DEFLATE = 8;
  private static final int XFL_SMALLEST = 2;
  private static final int XFL_FASTEST = 4;
  private static final int OS_UNKNOWN = 255;

  private GzipFraming() {}

  /**
   * A ten-byte header without name, comment or modification time, so that the same input always
   * gives the same bytes.
   */
  static byte[] header(int level) {
    int extraFlags =
        level == Deflater.BEST_COMPRESSION
            ? XFL_SMALLEST
            : level == Deflater.BEST_SPEED ? XFL_FASTEST : 0;
    return new byte[] {
      (byte) ID1, (byte) ID2, CM_DEFLATE, 0, 0, 0, 0, 0, (byte) extraFlags, (byte) OS_UNKNOWN
    };
  }

  /** The eight-byte trailer: CRC-32 of the input, then its length modulo 2^32, little-endian. */
  static byte[] trailer(long crc32, long inputLength) {
    byte[] trailer = new byte[8];
    putIntLe(trailer, 0, crc32);
    putIntLe(trailer, 4, inputLength);
    return trailer;
  }

  private static void putIntLe(byte[] target, int offset, long value) {
    for (int i = 0; i < 4; i++) {
      target[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
