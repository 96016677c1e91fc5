package dev.containerregistry.v1.files;

import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One read of a file layer's compressed stream: the stream layer that tars and gzips it, and what
 * the read found on disk. When the stream layer has its values (at the end of the stream) they are
 * handed to the layer's record.
 */
final class CompressedRead {

  private final StreamLayer stream;
  private final Fingerprint fingerprint;
  private final ReadRecord record;

  CompressedRead(StreamLayer stream, Fingerprint fingerprint, ReadRecord record) {
    this.stream = stream;
    this.fingerprint = fingerprint;
    this.record = record;
  }

  /** The gzip stream, which records the values when it ends. */
  InputStream open() {
    return new FilterInputStream(stream.compressed()) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          recordIfComplete();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
          recordIfComplete();
        }
        return n;
      }
    };
  }

  /**
   * Hands the values to the record if the stream has been read to its end.
   *
   * @throws IOException when they differ from those of an earlier read
   */
  void recordIfComplete() throws IOException {
    LayerValues values;
    try {
      values = new LayerValues(stream.digest(), stream.diffId(), stream.size());
    } catch (NotComputedException notYet) {
      return;
    }
    record.completed(fingerprint, values);
  }
}
