package dev.containerregistry.it.push;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A reproducible tar stream of about {@code totalBytes}, generated as it is read (nothing held
 * but one file's worth): files of 1 MiB alternating 64 KiB of random bytes (like binaries) and
 * 64 KiB of numbered text lines (like sources and logs), so that gzip has realistic work.
 */
final class GeneratedTar extends InputStream {

  private static final int FILE_SIZE = 1 << 20;
  private static final int BLOCK = 512;

  private final long files;
  private final SplittableRandom random = new SplittableRandom(42);
  private long fileIndex;
  private byte[] current = new byte[0];
  private int pos;

  GeneratedTar(long totalBytes) {
    this.files = Math.max(1, totalBytes / (FILE_SIZE + BLOCK));
  }

  /** The exact number of bytes the stream yields. */
  long length() {
    return files * (BLOCK + FILE_SIZE) + 2 * BLOCK;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int off, int len) {
    if (pos == current.length && !next()) {
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, buffer, off, n);
    pos += n;
    return n;
  }

  private boolean next() {
    if (fileIndex > files) {
      return false;
    }
    current = fileIndex == files ? new byte[2 * BLOCK] : file(fileIndex);
    fileIndex++;
    pos = 0;
    return true;
  }

  private byte[] file(long index) {
    byte[] entry = new byte[BLOCK + FILE_SIZE];
    header("data/file-" + index + ".bin", FILE_SIZE, entry);
    for (int at = BLOCK, block = 0; at < entry.length; at += 65536, block++) {
      int end = Math.min(entry.length, at + 65536);
      if (block % 2 == 0) {
        for (int i = at; i < end; i++) {
          entry[i] = (byte) random.nextInt(256);
        }
      } else {
        fillText(entry, at, end, index * 100 + block);
      }
    }
    return entry;
  }

  private static void fillText(byte[] entry, int from, int end, long seed) {
    int at = from;
    for (long line = 0; at < end; line++) {
      byte[] text = ("line " + (seed + line) + ": the quick brown fox jumps over the lazy dog "
          + Long.toHexString((seed + line) * 2654435761L) + "\n").getBytes(StandardCharsets.US_ASCII);
      int n = Math.min(text.length, end - at);
      System.arraycopy(text, 0, entry, at, n);
      at += n;
    }
  }

  /** A ustar header for a regular file at the start of {@code entry}. */
  private static void header(String name, long size, byte[] entry) {
    put(entry, 0, name);
    put(entry, 100, "0000644");
    put(entry, 108, "0000000");
    put(entry, 116, "0000000");
    put(entry, 124, String.format("%011o", size));
    put(entry, 136, String.format("%011o", 0));
    entry[156] = '0';
    put(entry, 257, "ustar");
    put(entry, 263, "00");
    Arrays.fill(entry, 148, 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += entry[i] & 0xff;
    }
    put(entry, 148, String.format("%06o", sum));
    entry[154] = 0;
  }

  private static void put(byte[] entry, int at, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, entry, at, bytes.length);
  }
}
