package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import java.time.Duration;
import java.util.Optional;

/**
 * The observers of one operation: its byte counts, handed to the progress listener in order and
 * never decreasing, and the blob events of the event listener. Blobs of known size add to the total
 * when they are first scheduled or opened; blobs of unknown size (a stream layer) add what they
 * move as they move it.
 */
final class ProgressTracker {

  private final ProgressListener listener;
  private final RegistryEventListener events;
  private long total;
  private long complete;

  ProgressTracker(ProgressListener listener, RegistryEventListener events) {
    this.listener = listener;
    this.events = events;
  }

  /** The progress and events {@code options} ask for. */
  static ProgressTracker of(RemoteOptions options) {
    return new ProgressTracker(options.progress(), options.events());
  }

  /** Only the events {@code options} ask for: for the read side of a copy, whose push counts. */
  static ProgressTracker eventsOnly(RemoteOptions options) {
    return new ProgressTracker(ProgressListener.NONE, options.events());
  }

  /** True when someone listens: blob streams are followed only then. */
  boolean observed() {
    return listener != ProgressListener.NONE || events != RegistryEventListener.NONE;
  }

  /** A blob of {@code size} bytes is part of the operation. */
  synchronized void expect(long size) {
    total += size;
    listener.onProgress(new Progress(total, complete));
  }

  /** {@code bytes} more are done; for a blob of unknown size they are new to the total too. */
  private synchronized void advance(long bytes, boolean growTotal) {
    if (bytes <= 0) {
      return;
    }
    if (growTotal) {
      total += bytes;
    }
    complete += bytes;
    listener.onProgress(new Progress(total, complete));
  }

  /**
   * Starts following one blob and tells the event listener.
   *
   * @param digest the digest when known before the transfer
   * @param size the size when known before the transfer (it is then part of the total), else -1
   */
  BlobProgress start(
      BlobTransfer.Direction direction, Repository repo, Optional<Hash> digest, long size) {
    BlobTransfer transfer = BlobTransfer.start(direction, repo, digest, size);
    events.blobStarted(transfer);
    return new BlobProgress(transfer);
  }

  /**
   * How far one blob has got, and the one place its events come from. Only new ground counts: bytes
   * sent again after a retry or a resume are not counted twice. It ends once, finished or failed.
   */
  final class BlobProgress {
    private final BlobTransfer transfer;
    private long reached;
    private boolean ended;

    private BlobProgress(BlobTransfer transfer) {
      this.transfer = transfer;
    }

    /** The registry holds (or is being sent, or has sent) the blob's bytes up to {@code offset}. */
    synchronized void reached(long offset) {
      if (offset > reached) {
        advance(offset - reached, transfer.size() < 0);
        reached = offset;
        events.blobProgress(transfer, offset);
      }
    }

    /** The furthest offset reached: the bytes of this blob moved so far. */
    synchronized long sent() {
      return reached;
    }

    /** The data is tried again in {@code delay}, after attempt {@code attempt} failed. */
    void retrying(int attempt, Duration delay, String reason) {
      events.blobRetrying(transfer, attempt, delay, reason);
    }

    /**
     * The blob is in place without its bytes being sent ({@code EXISTED} or {@code MOUNTED}): its
     * known size counts as done.
     */
    void skipped() {
      advance(transfer.size(), false);
    }

    /** The blob is done; tells both listeners, unless it already ended. */
    void finished(BlobEvent event) {
      if (end()) {
        listener.onBlob(event);
        events.blobFinished(transfer, event);
      }
    }

    /** The blob failed with {@code failure}; tells the event listener, unless it already ended. */
    void failed(Exception failure) {
      if (end()) {
        events.blobFailed(transfer, failure);
      }
    }

    private synchronized boolean end() {
      boolean first = !ended;
      ended = true;
      return first;
    }
  }
}
