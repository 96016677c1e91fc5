package dev.containerregistry.v1.stream;

import java.io.IOException;

/**
 * The gzip stream of a stream layer: a gzip header, the deflate body that a subclass produces, and
 * the trailer (CRC-32 and length of the input). The values are published with the trailer's last
 * byte.
 */
abstract class GzipLayerStream extends LayerStream {

  private enum Part {
    HEADER,
    BODY,
    TRAILER
  }

  private final HashedInput input;
  private byte[] framing;
  private int framingPosition;
  private Part part = Part.HEADER;

  GzipLayerStream(HashedInput input, int compressionLevel, StreamLifecycle lifecycle) {
    super(input, lifecycle);
    this.input = input;
    this.framing = GzipFraming.header(compressionLevel);
  }

  /**
   * Writes the next deflate bytes into {@code buffer}, at least one, or returns -1 when the body is
   * complete and the input has ended.
   */
  abstract int body(byte[] buffer, int offset, int length) throws IOException;

  @Override
  abstract void release();

  @Override
  public int available() {
    return part == Part.BODY ? 0 : framing.length - framingPosition;
  }

  @Override
  final int next(byte[] buffer, int offset, int length) throws IOException {
    if (part == Part.BODY) {
      int n = body(buffer, offset, length);
      if (n >= 0) {
        return n;
      }
      framing = GzipFraming.trailer(input.crc32(), input.length());
      framingPosition = 0;
      part = Part.TRAILER;
    }
    if (framingPosition == framing.length) {
      return -1;
    }
    int n = Math.min(length, framing.length - framingPosition);
    System.arraycopy(framing, framingPosition, buffer, offset, n);
    framingPosition += n;
    if (part == Part.HEADER && framingPosition == framing.length) {
      part = Part.BODY;
    }
    return n;
  }

  @Override
  final boolean complete() {
    return part == Part.TRAILER && framingPosition == framing.length;
  }
}
