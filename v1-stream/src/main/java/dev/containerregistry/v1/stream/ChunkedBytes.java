package dev.containerregistry.v1.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * A growable run of bytes kept in arrays of 4 to 128 KiB, reused when cleared.
 *
 * <p>Why not one array per block: the G1 collector stores an array of half a region or more (512
 * KiB with its smallest, 1 MiB regions) as a "humongous" object in whole regions of its own, so a 1
 * MiB array plus its header takes two regions, twice its size. Arrays of 128 KiB are ordinary
 * objects under every region size, and the heap holds what the blocks really need.
 */
final class ChunkedBytes {

  /** The largest chunk: a quarter of G1's smallest region. */
  static final int MAX_CHUNK = 128 * 1024;

  /** The smallest chunk: room for a whole sync flush marker whatever the chunk already holds. */
  static final int MIN_CHUNK = 4 * 1024;

  private final int chunkSize;
  private final List<byte[]> chunks = new ArrayList<>();
  private int length;

  /** Bytes in chunks of {@code chunkSize} bytes, brought within the bounds; none allocated yet. */
  ChunkedBytes(int chunkSize) {
    this.chunkSize = Math.max(MIN_CHUNK, Math.min(chunkSize, MAX_CHUNK));
  }

  int length() {
    return length;
  }

  /** The size of each chunk: every chunk but the last is full. */
  int chunkSize() {
    return chunkSize;
  }

  /** Empties this run, keeping its chunks for the next use. */
  void clear() {
    length = 0;
  }

  /**
   * Appends up to {@code count} bytes of {@code input}, fewer only at its end.
   *
   * @return the number of bytes appended
   */
  int appendFrom(HashedInput input, int count) throws IOException {
    int appended = 0;
    while (appended < count) {
      byte[] chunk = chunkWithSpace();
      int position = length % chunkSize;
      int wanted = Math.min(chunkSize - position, count - appended);
      int n = input.readFully(chunk, position, wanted);
      length += n;
      appended += n;
      if (n < wanted) {
        break;
      }
    }
    return appended;
  }

  /** Appends {@code count} bytes of {@code source}, from {@code offset} on. */
  void append(byte[] source, int offset, int count) {
    for (int appended = 0; appended < count; ) {
      byte[] chunk = chunkWithSpace();
      int position = length % chunkSize;
      int n = Math.min(chunkSize - position, count - appended);
      System.arraycopy(source, offset + appended, chunk, position, n);
      length += n;
      appended += n;
    }
  }

  /**
   * Appends what one call of {@link Deflater#deflate(byte[], int, int, int)} with {@code flush}
   * produces, given the free space of the last chunk (a new chunk when it is full).
   *
   * @return true when the deflater left space unused: it has nothing more to give for now
   */
  boolean appendFrom(Deflater deflater, int flush) {
    byte[] chunk = chunkWithSpace();
    int position = length % chunkSize;
    int space = chunkSize - position;
    int n = deflater.deflate(chunk, position, space, flush);
    length += n;
    return n < space;
  }

  /** Hands each chunk's bytes, in order, to the deflater, deflating as it asks for more. */
  void deflateInto(Deflater deflater, ChunkedBytes output) {
    for (int start = 0; start < length; start += chunkSize) {
      deflater.setInput(chunks.get(start / chunkSize), 0, Math.min(chunkSize, length - start));
      while (!deflater.needsInput()) {
        output.appendFrom(deflater, Deflater.NO_FLUSH);
      }
    }
  }

  /**
   * Copies up to {@code count} bytes from {@code position} on into {@code target}.
   *
   * @return the number of bytes copied: {@code count}, or fewer at the end of this run
   */
  int copyTo(int position, byte[] target, int offset, int count) {
    int copied = 0;
    int end = Math.min(length, position + count);
    for (int from = position; from < end; ) {
      int inChunk = from % chunkSize;
      int n = Math.min(chunkSize - inChunk, end - from);
      System.arraycopy(chunks.get(from / chunkSize), inChunk, target, offset + copied, n);
      from += n;
      copied += n;
    }
    return copied;
  }

  /** Copies the last {@code count} bytes, {@code count <= length()}, into {@code target}. */
  void copyTailTo(int count, byte[] target, int offset) {
    copyTo(length - count, target, offset, count);
  }

  private byte[] chunkWithSpace() {
    int index = length / chunkSize;
    if (index == chunks.size()) {
      chunks.add(new byte[chunkSize]);
    }
    return chunks.get(index);
  }
}
