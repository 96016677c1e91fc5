package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.remote.transport.RequestBody;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.remote.transport.TransportException;
import dev.containerregistry.v1.remote.transport.TransportListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Puts one blob into a repository, step by step: {@code HEAD} (skip if present), mount when the
 * layer knows another repository of the same registry, else open a session, send the data, read the
 * digest (a stream layer's is known only now) and commit. A small blob of known digest ({@link
 * RemoteOptions#smallBlobLimit()}) that cannot be mounted skips the {@code HEAD}: its data goes
 * with the {@code POST} that opens the upload, or with the {@code PUT} that closes the session the
 * registry opened instead.
 *
 * <p>When sending the data fails for a reason the {@link RetryPolicy} retries (or with a {@code
 * 401}: the token expired while the data went up, and the transport has fetched a fresh one), a
 * layer that can be read again is restarted from its first byte, in a new session, up to the
 * policy's attempts in all; a stream layer never is. Only the data step restarts: the other steps'
 * requests carry no one-shot body, so the transport has already retried them, and a {@link
 * DataSender} that resumes by itself ({@code CHUNKED}) is not restarted either.
 */
final class BlobUploader {

  private final Repository repo;
  private final BlobExistence existence;
  private final UploadSession sessions;
  private final DataSender sender;
  private final UploadCommit commit;
  private final ProgressTracker progress;
  private final RetryPolicy retry;
  private final long smallBlobLimit;

  BlobUploader(
      Repository repo,
      BlobExistence existence,
      UploadSession sessions,
      DataSender sender,
      UploadCommit commit,
      ProgressTracker progress,
      RetryPolicy retry,
      long smallBlobLimit) {
    this.repo = repo;
    this.existence = existence;
    this.sessions = sessions;
    this.sender = sender;
    this.commit = commit;
    this.progress = progress;
    this.retry = retry;
    this.smallBlobLimit = smallBlobLimit;
  }

  BlobEvent upload(PushBlob blob) throws IOException {
    ProgressTracker.BlobProgress watch =
        progress.start(BlobTransfer.Direction.PUSH, repo, blob.knownDigest(), blob.knownSize());
    try {
      BlobEvent done = transfer(blob, watch);
      watch.finished(done);
      return done;
    } catch (IOException | RuntimeException e) {
      watch.failed(e);
      throw e;
    }
  }

  private BlobEvent transfer(PushBlob blob, ProgressTracker.BlobProgress watch) throws IOException {
    Optional<Hash> known = blob.knownDigest();
    Optional<UploadSession.Opened> session = Optional.empty();
    if (known.isPresent()) {
      Hash digest = known.get();
      Optional<Repository> mountFrom = blob.mountSource().filter(this::mountable);
      if (mountFrom.isEmpty() && blob.knownSize() <= smallBlobLimit) {
        return small(blob, digest, watch);
      }
      if (step(PushStep.CHECK, blob, () -> existence.exists(digest))) {
        return skipped(blob, digest, BlobEvent.Outcome.EXISTED, watch);
      }
      if (mountFrom.isPresent()) {
        session = step(PushStep.MOUNT, blob, () -> sessions.mount(digest, mountFrom.get()));
        if (session.isEmpty()) {
          return skipped(blob, digest, BlobEvent.Outcome.MOUNTED, watch);
        }
      }
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return send(blob, session, watch);
      } catch (DataFailure e) {
        if (!blob.reopenable()
            || sender.resumes()
            || attempt >= retry.maxAttempts()
            || !(retry.retries(e.reason) || tokenExpired(e.reason))
            || Thread.currentThread().isInterrupted()) {
          throw e.failure;
        }
        Duration wait = retry.delay(attempt, e.reason);
        watch.retrying(attempt, wait, TransportListener.reason(e.reason));
        sleep(wait);
        session = Optional.empty();
      }
    }
  }

  private BlobEvent send(
      PushBlob blob, Optional<UploadSession.Opened> reuse, ProgressTracker.BlobProgress sent)
      throws IOException {
    UploadSession.Opened session =
        reuse.isPresent() ? reuse.get() : step(PushStep.START, blob, sessions::start);
    URI location;
    try (InputStream data = blob.layer().compressed()) {
      location = sender.send(session, data, sent);
    } catch (IOException | NotComputedException e) {
      throw new DataFailure(e, PushStep.SEND.failure(blob.label() + " to " + repo, repo, e));
    }
    Hash digest = step(PushStep.DIGEST, blob, blob::digestAfterRead);
    long size = step(PushStep.DIGEST, blob, blob::sizeAfterRead);
    step(
        PushStep.COMMIT,
        blob,
        () -> {
          commit.commit(location, digest);
          return digest;
        });
    return new BlobEvent(digest, BlobEvent.Outcome.UPLOADED, size, sent.sent());
  }

  /**
   * A small blob of known digest: its data in memory, sent with the request that opens the upload
   * (or put into the session the registry opens instead), without asking first whether the
   * repository has it. Both requests can be resent, so the transport retries them.
   */
  private BlobEvent small(PushBlob blob, Hash digest, ProgressTracker.BlobProgress sent)
      throws IOException {
    long size = blob.knownSize();
    byte[] data =
        step(
            PushStep.SEND,
            blob,
            () -> {
              try (InputStream in = blob.layer().compressed()) {
                byte[] read = in.readNBytes((int) size + 1);
                if (read.length != size) {
                  throw new IOException(
                      "its data has " + read.length + " bytes or more, its size says " + size);
                }
                return read;
              }
            });
    Optional<UploadSession.Opened> opened =
        step(PushStep.START, blob, () -> sessions.startWith(digest, data));
    if (opened.isPresent()) {
      URI location = opened.get().location();
      step(
          PushStep.COMMIT,
          blob,
          () -> {
            commit.commit(location, digest, RequestBody.of(data, "application/octet-stream"));
            return digest;
          });
    }
    sent.reached(size);
    return new BlobEvent(digest, BlobEvent.Outcome.UPLOADED, size, size);
  }

  private static BlobEvent skipped(
      PushBlob blob, Hash digest, BlobEvent.Outcome outcome, ProgressTracker.BlobProgress watch) {
    watch.skipped();
    return new BlobEvent(digest, outcome, blob.knownSize(), 0);
  }

  private boolean mountable(Repository source) {
    return source.registry().equals(repo.registry()) && !source.equals(repo);
  }

  /**
   * A {@code 401} to a streamed {@code PATCH}: the token expired while the data went up; the
   * transport has already fetched a fresh one, so sending the data again can succeed.
   */
  private static boolean tokenExpired(Throwable e) {
    return e instanceof TransportException te
        && te.status() == 401
        && te.method().equals("PATCH")
        && !te.attemptsSpent();
  }

  private static void sleep(Duration wait) throws InterruptedIOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to restart an upload");
    }
  }

  /** A failure of the data step: its cause, and the typed error that ends the push with it. */
  private static final class DataFailure extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Exception reason;
    private final transient IOException failure;

    DataFailure(Exception reason, IOException failure) {
      super(reason);
      this.reason = reason;
      this.failure = failure;
    }
  }

  private <T> T step(PushStep step, PushBlob blob, IoSupplier<T> action) throws IOException {
    try {
      return action.get();
    } catch (IOException | NotComputedException e) {
      throw step.failure(blob.label() + " to " + repo, repo, e);
    }
  }
}
