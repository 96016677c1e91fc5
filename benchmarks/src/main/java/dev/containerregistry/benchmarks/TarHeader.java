package dev.containerregistry.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A POSIX ustar header block for a regular file. */
final class TarHeader {

  static final int BLOCK = 512;

  private static final long MTIME = 1_700_000_000L;

  private TarHeader() {}

  /** Writes the header of a file {@code name} of {@code size} bytes into {@code block[0..512)}. */
  static void write(byte[] block, String name, long size) {
    Arrays.fill(block, 0, BLOCK, (byte) 0);
    put(block, 0, 100, name);
    put(block, 100, 8, octal(0644, 7));
    put(block, 108, 8, octal(0, 7));
    put(block, 116, 8, octal(0, 7));
    put(block, 124, 12, octal(size, 11));
    put(block, 136, 12, octal(MTIME, 11));
    Arrays.fill(block, 148, 156, (byte) ' ');
    block[156] = '0';
    put(block, 257, 6, "ustar");
    put(block, 263, 2, "00");
    put(block, 265, 32, "root");
    put(block, 297, 32, "root");
    long checksum = 0;
    for (int i = 0; i < BLOCK; i++) {
      checksum += block[i] & 0xff;
    }
    put(block, 148, 7, octal(checksum, 6));
  }

  private static String octal(long value, int digits) {
    String text = Long.toOctalString(value);
    return "0".repeat(Math.max(0, digits - text.length())) + text;
  }

  private static void put(byte[] block, int offset, int width, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, block, offset, Math.min(width, bytes.length));
  }
}
