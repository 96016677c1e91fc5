package dev.containerregistry.v1.remote;

/**
 * The byte counts of one push, handed to the listener in order and never decreasing. Blobs of known
 * size add to the total when they are first scheduled; stream layers add what they send as they
 * send it.
 */
final class ProgressTracker {

  private final ProgressListener listener;
  private long total;
  private long complete;

  ProgressTracker(ProgressListener listener) {
    this.listener = listener;
  }

  /** A blob of {@code size} bytes is part of the push. */
  synchronized void expect(long size) {
    total += size;
    listener.onProgress(new Progress(total, complete));
  }

  /** {@code bytes} more are done; for a blob of unknown size they are new to the total too. */
  synchronized void advance(long bytes, boolean growTotal) {
    if (bytes <= 0) {
      return;
    }
    if (growTotal) {
      total += bytes;
    }
    complete += bytes;
    listener.onProgress(new Progress(total, complete));
  }

  /** Reports what happened to one blob. */
  void blob(BlobEvent event) {
    listener.onBlob(event);
  }

  /** A counter for one blob's bytes. */
  BlobProgress forBlob(boolean sizeKnown) {
    return new BlobProgress(sizeKnown);
  }

  /**
   * How far one blob's data has got. Only new ground counts: bytes sent again after a retry or a
   * resume are not counted twice.
   */
  final class BlobProgress {
    private final boolean sizeKnown;
    private long reached;

    private BlobProgress(boolean sizeKnown) {
      this.sizeKnown = sizeKnown;
    }

    /** The registry holds (or is being sent) the blob's bytes up to {@code offset}. */
    synchronized void reached(long offset) {
      if (offset > reached) {
        advance(offset - reached, !sizeKnown);
        reached = offset;
      }
    }

    /** The furthest offset reached: the bytes of this blob sent so far. */
    synchronized long sent() {
      return reached;
    }
  }
}
