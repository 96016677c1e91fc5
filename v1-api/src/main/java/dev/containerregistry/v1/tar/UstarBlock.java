package dev.containerregistry.v1.tar;

import java.nio.charset.StandardCharsets;

/**
 * The 512-byte tar header block: field offsets and lengths, and how numbers and strings are stored
 * in them (octal text, or GNU base-256 for large values on reading).
 */
final class UstarBlock {

  static final int SIZE = 512;

  static final Field NAME = new Field(0, 100);
  static final Field MODE = new Field(100, 8);
  static final Field UID = new Field(108, 8);
  static final Field GID = new Field(116, 8);
  static final Field FILE_SIZE = new Field(124, 12);
  static final Field MOD_TIME = new Field(136, 12);
  static final Field CHECKSUM = new Field(148, 8);
  static final int TYPE_FLAG = 156;
  static final Field LINK_NAME = new Field(157, 100);
  static final Field MAGIC = new Field(257, 6);
  static final Field VERSION = new Field(263, 2);
  static final Field USER_NAME = new Field(265, 32);
  static final Field GROUP_NAME = new Field(297, 32);
  static final Field DEV_MAJOR = new Field(329, 8);
  static final Field DEV_MINOR = new Field(337, 8);
  static final Field PREFIX = new Field(345, 155);

  static final String USTAR_MAGIC = "ustar\0";
  static final String USTAR_VERSION = "00";

  private UstarBlock() {}

  /** Where a field lies in the block. */
  record Field(int offset, int length) {

    /** The largest value the field can hold in octal with a terminating NUL. */
    long maxOctal() {
      return (1L << (3 * (length - 1))) - 1;
    }
  }

  /** The bytes of {@code field} up to the first NUL, as UTF-8. */
  static String string(byte[] block, Field field) {
    int end = field.offset;
    while (end < field.offset + field.length && block[end] != 0) {
      end++;
    }
    return new String(block, field.offset, end - field.offset, StandardCharsets.UTF_8);
  }

  /**
   * The number in {@code field}: octal text padded with spaces or NULs, or, when the first byte has
   * its high bit set, a big-endian two's complement base-256 integer (GNU).
   *
   * @throws NumberFormatException when the field holds anything else
   */
  static long number(byte[] block, Field field) {
    int start = field.offset;
    int end = field.offset + field.length;
    if ((block[start] & 0x80) != 0) {
      int invert = (block[start] & 0x40) != 0 ? 0xff : 0;
      long value = 0;
      for (int i = start; i < end; i++) {
        int b = (block[i] & 0xff) ^ invert;
        if (i == start) {
          b &= 0x7f;
        }
        if ((value >>> 55) != 0) {
          throw new NumberFormatException("a base-256 number does not fit in 64 bits");
        }
        value = (value << 8) | b;
      }
      return invert == 0 ? value : ~value;
    }
    String text = new String(block, start, field.length, StandardCharsets.US_ASCII);
    String trimmed = text.replace('\0', ' ').trim();
    return trimmed.isEmpty() ? 0 : Long.parseLong(trimmed, 8);
  }

  /** Writes {@code value} (at most the field length, ASCII or UTF-8) into {@code field}. */
  static void putString(byte[] block, Field field, String value) {
    int n = Math.min(value.length(), field.length);
    int i = 0;
    while (i < n && value.charAt(i) < 0x80) {
      block[field.offset + i] = (byte) value.charAt(i);
      i++;
    }
    if (i == value.length()) {
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, block, field.offset, Math.min(bytes.length, field.length));
  }

  /** Writes {@code value} as zero-padded octal followed by a NUL; the caller checks the range. */
  static void putOctal(byte[] block, Field field, long value) {
    putOctalDigits(block, field.offset, field.length - 1, value);
  }

  private static void putOctalDigits(byte[] block, int offset, int digits, long value) {
    long rest = value;
    for (int i = offset + digits - 1; i >= offset; i--) {
      block[i] = (byte) ('0' + (rest & 7));
      rest >>>= 3;
    }
  }

  /** The header checksum: the sum of all bytes, with the checksum field counted as spaces. */
  static long checksum(byte[] block) {
    long sum = 0;
    for (int i = 0; i < SIZE; i++) {
      boolean inChecksum = i >= CHECKSUM.offset && i < CHECKSUM.offset + CHECKSUM.length;
      sum += inChecksum ? ' ' : block[i] & 0xff;
    }
    return sum;
  }

  /** The checksum computed with signed bytes, which some old writers used. */
  static long signedChecksum(byte[] block) {
    long sum = 0;
    for (int i = 0; i < SIZE; i++) {
      boolean inChecksum = i >= CHECKSUM.offset && i < CHECKSUM.offset + CHECKSUM.length;
      sum += inChecksum ? ' ' : block[i];
    }
    return sum;
  }

  /** Stores the checksum of {@code block}: six octal digits, a NUL and a space. */
  static void putChecksum(byte[] block) {
    putOctalDigits(block, CHECKSUM.offset, 6, checksum(block));
    block[CHECKSUM.offset + 6] = 0;
    block[CHECKSUM.offset + 7] = ' ';
  }

  /** The bytes that pad {@code size} bytes of content to a whole number of blocks. */
  static int padding(long size) {
    return (int) ((SIZE - size % SIZE) % SIZE);
  }
}
