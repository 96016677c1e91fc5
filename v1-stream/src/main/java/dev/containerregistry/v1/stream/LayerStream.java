package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The compressed stream of a stream layer, whatever its format: every byte handed to the reader is
 * hashed and counted in place, in the reader's buffer; when the last byte has been handed out the
 * values are published and every resource is released, and closing before that releases them and
 * publishes no values. Subclasses produce the bytes.
 *
 * <p>Like any {@link InputStream}, one instance is read by one thread at a time.
 */
abstract class LayerStream extends InputStream {

  private enum Phase {
    OPEN,
    DONE,
    FAILED,
    CLOSED
  }

  private final HashedInput input;
  private final StreamLifecycle lifecycle;
  private final MessageDigest emitted = Hash.newSha256();
  private final byte[] single = new byte[1];
  private long emittedLength;
  private Phase phase = Phase.OPEN;

  LayerStream(HashedInput input, StreamLifecycle lifecycle) {
    this.input = input;
    this.lifecycle = lifecycle;
  }

  /**
   * Writes the next compressed bytes into {@code buffer}, at least one, or returns -1 once the
   * stream is complete.
   */
  abstract int next(byte[] buffer, int offset, int length) throws IOException;

  /**
   * True once the bytes handed out so far are the whole stream, for formats that know it before
   * {@link #next} returns -1; the values are then published with the last byte.
   */
  abstract boolean complete();

  /** Frees what the producer holds (compressors, threads); safe to call more than once. */
  abstract void release() throws IOException;

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
      if (n < 0) {
        finish();
        return -1;
      }
      emitted.update(buffer, offset, n);
      emittedLength += n;
      if (complete()) {
        finish();
      }
      return n;
    } catch (IOException | RuntimeException | Error e) {
      fail(e);
      throw e;
    }
  }

  /**
   * Releases the input and every resource. Before the end this abandons the layer: it will have no
   * digest, DiffID or size. After the end it only marks the stream closed.
   */
  @Override
  public void close() throws IOException {
    Phase before = phase;
    phase = Phase.CLOSED;
    if (before != Phase.OPEN) {
      return;
    }
    lifecycle.abandon("was closed before its end");
    try {
      release();
    } finally {
      input.close();
    }
  }

  private void finish() throws IOException {
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
