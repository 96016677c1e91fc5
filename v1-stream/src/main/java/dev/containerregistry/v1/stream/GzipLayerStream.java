package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The compressed stream of a stream layer: a gzip header, the deflate body that a subclass
 * produces, and the trailer. Every byte handed to the reader is hashed and counted in place, in the
 * reader's buffer; when the last byte has been handed out the values are published and every
 * resource is released, and closing before that releases them and publishes no values.
 *
 * <p>Like any {@link InputStream}, one instance is read by one thread at a time.
 */
abstract class GzipLayerStream extends InputStream {

  private enum Phase {
    HEADER,
    BODY,
    TRAILER,
    DONE,
    FAILED,
    CLOSED
  }

  private final HashedInput input;
  private final StreamLifecycle lifecycle;
  private final MessageDigest emitted = Hash.newSha256();
  private final byte[] single = new byte[1];
  private long emittedLength;
  private byte[] framing;
  private int framingPosition;
  private Phase phase = Phase.HEADER;

  GzipLayerStream(HashedInput input, int compressionLevel, StreamLifecycle lifecycle) {
    this.input = input;
    this.lifecycle = lifecycle;
    this.framing = GzipFraming.header(compressionLevel);
  }

  /**
   * Writes the next deflate bytes into {@code buffer}, at least one, or returns -1 when the body is
   * complete and the input has ended.
   */
  abstract int body(byte[] buffer, int offset, int length) throws IOException;

  /** Frees what the body producer holds (deflaters, threads); safe to call more than once. */
  abstract void release();

  @Override
  public int read() throws IOException {
    int n = read(single, 0, 1);
    return n < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    checkReadable();
    if (length == 0) {
      return 0;
    }
    if (phase == Phase.DONE) {
      return -1;
    }
    try {
      int n = next(buffer, offset, length);
      emitted.update(buffer, offset, n);
      emittedLength += n;
      if (phase == Phase.TRAILER && framingPosition == framing.length) {
        finish();
      }
      return n;
    } catch (IOException | RuntimeException | Error e) {
      fail(e);
      throw e;
    }
  }

  @Override
  public int available() {
    return phase == Phase.HEADER || phase == Phase.TRAILER ? framing.length - framingPosition : 0;
  }

  /**
   * Releases the input and every resource. Before the end this abandons the layer: it will have no
   * digest, DiffID or size. After the end it only marks the stream closed.
   */
  @Override
  public void close() throws IOException {
    Phase before = phase;
    phase = Phase.CLOSED;
    if (before == Phase.CLOSED || before == Phase.DONE || before == Phase.FAILED) {
      return;
    }
    lifecycle.abandon("was closed before its end");
    try {
      release();
    } finally {
      input.close();
    }
  }

  private int next(byte[] buffer, int offset, int length) throws IOException {
    if (phase == Phase.BODY) {
      int n = body(buffer, offset, length);
      if (n >= 0) {
        return n;
      }
      framing = GzipFraming.trailer(input.crc32(), input.length());
      framingPosition = 0;
      phase = Phase.TRAILER;
    }
    int n = Math.min(length, framing.length - framingPosition);
    System.arraycopy(framing, framingPosition, buffer, offset, n);
    framingPosition += n;
    if (phase == Phase.HEADER && framingPosition == framing.length) {
      phase = Phase.BODY;
    }
    return n;
  }

  private void finish() {
    phase = Phase.DONE;
    release();
    lifecycle.complete(
        new LayerValues(Hash.fromDigest(emitted.digest()), input.diffId(), emittedLength));
  }

  private void fail(Throwable failure) {
    phase = Phase.FAILED;
    lifecycle.abandon("failed: " + failure);
    try {
      release();
      input.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private void checkReadable() throws IOException {
    if (phase == Phase.CLOSED) {
      throw new IOException("the compressed stream of this stream layer is closed");
    }
    if (phase == Phase.FAILED) {
      throw new IOException(
          "the compressed stream of this stream layer failed earlier and cannot be read further");
    }
  }
}
