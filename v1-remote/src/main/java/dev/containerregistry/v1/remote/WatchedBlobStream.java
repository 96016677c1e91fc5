package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Hash;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pulled blob's verified stream that reports its progress as the reader consumes it: the bytes
 * read so far, then the end once the verifying stream below has reached its end (so the digest
 * matched), or the failure the reader sees, or an early close.
 */
final class WatchedBlobStream extends FilterInputStream {

  private final Hash digest;
  private static final int SKIP_BUFFER = 8192;
  private static final int DRAIN_LIMIT = 64 * 1024;

  private final ProgressTracker.BlobProgress watch;
  private final byte[] one = new byte[1];
  private long read;
  private boolean ended;

  /**
   * @param verified the blob's stream, which fails at its end on a wrong size or digest
   */
  WatchedBlobStream(InputStream verified, Hash digest, ProgressTracker.BlobProgress watch) {
    super(verified);
    this.digest = digest;
    this.watch = watch;
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException | RuntimeException e) {
      ended = true;
      watch.failed(e);
      throw e;
    }
    if (n > 0) {
      read += n;
      watch.reached(read);
    } else if (n < 0 && !ended) {
      ended = true;
      watch.finished(new BlobEvent(digest, BlobEvent.Outcome.DOWNLOADED, read, read));
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] discard = new byte[(int) Math.min(Math.max(n, 0), SKIP_BUFFER)];
    return Math.max(read(discard, 0, discard.length), 0);
  }

  /**
   * Closes the blob. A reader may stop a little before the end (a tar reader at the archive's end
   * marker, a gzip reader before the trailer): up to {@value #DRAIN_LIMIT} bytes that remain are
   * read and verified first, so a blob read whole finishes; a blob closed further from its end
   * fails as closed early. Neither throws here: the reader chose to stop.
   */
  @Override
  public void close() throws IOException {
    try {
      if (!ended) {
        drainOrAbandon();
      }
    } finally {
      super.close();
    }
  }

  private void drainOrAbandon() {
    byte[] buffer = new byte[SKIP_BUFFER];
    long budget = DRAIN_LIMIT;
    try {
      while (!ended && budget > 0) {
        int n = read(buffer, 0, (int) Math.min(buffer.length, budget));
        budget -= Math.max(n, 0);
      }
    } catch (IOException e) {
      return; // read reported the failure
    }
    if (!ended) {
      ended = true;
      watch.failed(
          new IOException(
              "blob " + digest + " closed by its reader after " + read + " bytes, before its end"));
    }
  }
}
