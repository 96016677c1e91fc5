package dev.containerregistry.v1.stream;

/**
 * The last 32 KiB (the deflate window) of the input read so far: the preset dictionary of the next
 * block, so that its compressed bytes may refer back across the block boundary.
 */
final class InputWindow {

  /** The deflate window: back-references reach at most this far. */
  static final int SIZE = 32 * 1024;

  private final byte[] bytes = new byte[SIZE];
  private int length;

  /** Copies the window into {@code target}, at least {@link #SIZE} long; returns its length. */
  int copyTo(byte[] target) {
    System.arraycopy(bytes, 0, target, 0, length);
    return length;
  }

  /** Slides the window over {@code input}, the bytes read after those it holds. */
  void slideOver(ChunkedBytes input) {
    int fromInput = Math.min(input.length(), SIZE);
    int kept = Math.min(length, SIZE - fromInput);
    System.arraycopy(bytes, length - kept, bytes, 0, kept);
    input.copyTailTo(fromInput, bytes, kept);
    length = kept + fromInput;
  }
}
