package dev.containerregistry.v1.files;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What the first complete read of a file layer established: the values and the fingerprint of the
 * files it read. Later reads are checked against them. Safe among threads.
 */
final class ReadRecord {

  private @Nullable LayerValues values;
  private @Nullable Fingerprint fingerprint;

  /** The values of the first complete read, or null before it. */
  synchronized @Nullable LayerValues values() {
    return values;
  }

  /**
   * Checks that a read about to start sees the files the first complete read saw.
   *
   * @throws IOException naming what changed
   */
  synchronized void requireUnchanged(Fingerprint now) throws IOException {
    if (fingerprint != null) {
      fingerprint.requireSame(now);
    }
  }

  /**
   * Records a read that reached its end: the first one sets the values; a later one must have
   * produced the same.
   *
   * @throws IOException when a later read produced other bytes
   */
  synchronized void completed(Fingerprint read, LayerValues result) throws IOException {
    if (values == null) {
      values = result;
      fingerprint = read;
    } else if (!values.equals(result)) {
      throw new IOException(
          "reading a file layer again produced other bytes (digest "
              + result.digest()
              + " instead of "
              + values.digest()
              + "): a file changed while it was read");
    }
  }
}
