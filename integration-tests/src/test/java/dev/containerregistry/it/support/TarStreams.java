package dev.containerregistry.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Generates tar streams of any size without holding them: one regular file whose content mixes
 * incompressible (binary-like) and repetitive (text-like) stretches, reproducible from a seed.
 */
public final class TarStreams {
  private static final int BLOCK = 512;

  private TarStreams() {}

  /** A tar holding one file of {@code contentBytes} bytes. */
  public static InputStream of(long contentBytes, long seed) {
    return new GeneratedTar(contentBytes, seed);
  }

  /** Writes the same tar as {@link #of(long, long)} to {@code out}. */
  public static void write(long contentBytes, long seed, OutputStream out) throws IOException {
    try (InputStream in = of(contentBytes, seed)) {
      in.transferTo(out);
    }
  }

  private static byte[] header(String name, long size) {
    byte[] h = new byte[BLOCK];
    put(h, 0, name);
    put(h, 100, "0000644\0");
    put(h, 108, "0000000\0");
    put(h, 116, "0000000\0");
    put(h, 124, String.format("%011o\0", size));
    put(h, 136, "00000000000\0");
    h[156] = '0';
    put(h, 257, "ustar\0");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o\0 ", sum));
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, h, at, bytes.length);
  }

  /** Header, content, padding and the two end blocks, produced as they are read. */
  private static final class GeneratedTar extends InputStream {
    private static final byte[] TEXT =
        "the quick brown fox jumps over the lazy dog 0123456789\n"
            .getBytes(StandardCharsets.US_ASCII);
    private final SplittableRandom random;
    private final byte[] head;
    private final long contentBytes;
    private final long total;
    private long position;

    GeneratedTar(long contentBytes, long seed) {
      this.random = new SplittableRandom(seed);
      this.head = header("data.bin", contentBytes);
      this.contentBytes = contentBytes;
      long padded = (contentBytes + BLOCK - 1) / BLOCK * BLOCK;
      this.total = BLOCK + padded + 2L * BLOCK;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = byteAt(position + i);
      }
      position += n;
      return n;
    }

    private byte byteAt(long at) {
      if (at < BLOCK) {
        return head[(int) at];
      }
      long content = at - BLOCK;
      if (content >= contentBytes) {
        return 0;
      }
      // 64 KiB stretches: odd ones random, even ones text.
      return ((content >> 16) & 1) == 1
          ? (byte) random.nextInt(256)
          : TEXT[(int) (content % TEXT.length)];
    }
  }

  /** A small tar in memory, for tests that need the bytes. */
  public static byte[] small(long contentBytes, long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(contentBytes, seed, out);
    return out.toByteArray();
  }
}
