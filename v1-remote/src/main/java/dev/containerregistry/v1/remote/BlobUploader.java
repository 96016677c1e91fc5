package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.util.Optional;

/**
 * Puts one blob into a repository, step by step: {@code HEAD} (skip if present), mount when the
 * layer knows another repository of the same registry, else open a session, send the data, read the
 * digest (a stream layer's is known only now) and commit. A layer that can be read again is
 * restarted from its first byte after a transient failure; a stream layer never is.
 */
final class BlobUploader {

  private final Repository repo;
  private final BlobExistence existence;
  private final UploadSession sessions;
  private final DataSender sender;
  private final UploadCommit commit;
  private final ProgressTracker progress;
  private final int maxAttempts;

  BlobUploader(
      Repository repo,
      BlobExistence existence,
      UploadSession sessions,
      DataSender sender,
      UploadCommit commit,
      ProgressTracker progress,
      int maxAttempts) {
    this.repo = repo;
    this.existence = existence;
    this.sessions = sessions;
    this.sender = sender;
    this.commit = commit;
    this.progress = progress;
    this.maxAttempts = maxAttempts;
  }

  BlobEvent upload(PushBlob blob) throws IOException {
    Optional<Hash> known = blob.knownDigest();
    Optional<UploadSession.Opened> session = Optional.empty();
    if (known.isPresent()) {
      Hash digest = known.get();
      if (step(PushStep.CHECK, blob, () -> existence.exists(digest))) {
        return skipped(blob, digest, BlobEvent.Outcome.EXISTED);
      }
      Optional<Repository> source = blob.mountSource().filter(this::mountable);
      if (source.isPresent()) {
        session = step(PushStep.MOUNT, blob, () -> sessions.mount(digest, source.get()));
        if (session.isEmpty()) {
          return skipped(blob, digest, BlobEvent.Outcome.MOUNTED);
        }
      }
    }
    ProgressTracker.BlobProgress sent = progress.forBlob(known.isPresent());
    for (int attempt = 1; ; attempt++) {
      try {
        return send(blob, session, sent);
      } catch (IOException e) {
        if (!blob.reopenable()
            || attempt >= maxAttempts
            || permanent(e)
            || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        session = Optional.empty();
      }
    }
  }

  private BlobEvent send(
      PushBlob blob, Optional<UploadSession.Opened> reuse, ProgressTracker.BlobProgress sent)
      throws IOException {
    UploadSession.Opened session =
        reuse.isPresent() ? reuse.get() : step(PushStep.START, blob, sessions::start);
    URI location =
        step(
            PushStep.SEND,
            blob,
            () -> {
              try (InputStream data = blob.layer().compressed()) {
                return sender.send(session, data, sent);
              }
            });
    Hash digest = step(PushStep.DIGEST, blob, blob::digestAfterRead);
    long size = step(PushStep.DIGEST, blob, blob::sizeAfterRead);
    step(
        PushStep.COMMIT,
        blob,
        () -> {
          commit.commit(location, digest);
          return digest;
        });
    BlobEvent event = new BlobEvent(digest, BlobEvent.Outcome.UPLOADED, size, sent.sent());
    progress.blob(event);
    return event;
  }

  private BlobEvent skipped(PushBlob blob, Hash digest, BlobEvent.Outcome outcome) {
    progress.advance(blob.knownSize(), false);
    BlobEvent event = new BlobEvent(digest, outcome, blob.knownSize(), 0);
    progress.blob(event);
    return event;
  }

  private boolean mountable(Repository source) {
    return source.registry().equals(repo.registry()) && !source.equals(repo);
  }

  /**
   * Failures that a restart cannot cure: the registry refused the request or spoke nonsense. A 401
   * on a streamed {@code PATCH} is not one: the token expired while the data went up, the transport
   * has fetched a fresh one, and a layer that can be read again is sent again.
   */
  private static boolean permanent(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransportException te) {
        if (te.status() == 401 && te.method().equals("PATCH")) {
          return false;
        }
        return te.status() < 500 && te.status() != 408 && te.status() != 429;
      }
      if (t instanceof ProtocolException) {
        return true;
      }
    }
    return false;
  }

  private <T> T step(PushStep step, PushBlob blob, IoSupplier<T> action) throws IOException {
    try {
      return action.get();
    } catch (IOException | NotComputedException e) {
      throw step.failure(blob.label() + " to " + repo, e);
    }
  }
}
