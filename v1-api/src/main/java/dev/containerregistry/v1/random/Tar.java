package dev.containerregistry.v1.random;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The smallest valid tar: one regular file in a POSIX ustar archive, written in memory. */
final class Tar {

  private static final int BLOCK = 512;

  /** The largest size a ustar header can hold (11 octal digits). */
  private Tar() {}

  /** A tar holding one file {@code name} (at most 100 ASCII bytes) with {@code content}. */
  static byte[] oneFile(String name, byte[] content) {
    byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
    if (nameBytes.length > 100) {
      throw new IllegalArgumentException("a ustar entry cannot hold " + name);
    }
    byte[] header = new byte[BLOCK];
    System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
    octal(header, 100, 8, 0644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, content.length);
    octal(header, 136, 12, 0);
    header[156] = '0';
    ascii(header, 257, "ustar\0" + "00");
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(header, 148, 7, sum);
    header[155] = ' ';

    ByteArrayOutputStream out = new ByteArrayOutputStream(BLOCK * 3 + content.length);
    out.writeBytes(header);
    out.writeBytes(content);
    out.writeBytes(new byte[padding(content.length) + 2 * BLOCK]);
    return out.toByteArray();
  }

  private static int padding(long length) {
    return (int) ((BLOCK - length % BLOCK) % BLOCK);
  }

  /** Writes {@code value} as zero-padded octal in {@code width - 1} digits and a NUL. */
  private static void octal(byte[] header, int at, int width, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(width - 1 - digits.length()) + digits;
    ascii(header, at, padded);
    header[at + width - 1] = 0;
  }

  private static void ascii(byte[] header, int at, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, at, bytes.length);
  }
}
