package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.remote.transport.TransportException;
import dev.containerregistry.v1.remote.transport.TransportException.Step;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** The steps of pushing one blob or manifest, named in the errors that end a push. */
enum PushStep {
  CHECK(Step.CHECK_BLOB, "checking whether the repository has it (HEAD)"),
  MOUNT(Step.MOUNT_BLOB, "mounting it from another repository (POST ?mount=)"),
  START(Step.START_UPLOAD, "starting an upload (POST)"),
  SEND(Step.SEND_DATA, "sending its data (PATCH)"),
  DIGEST(Step.READ_DIGEST, "reading its digest after sending it"),
  COMMIT(Step.COMMIT_UPLOAD, "committing the upload (PUT ?digest=)"),
  MANIFEST(Step.PUT_MANIFEST, "putting the manifest (PUT)");

  private final Step step;
  private final String description;

  PushStep(Step step, String description) {
    this.step = step;
    this.description = description;
  }

  /**
   * The failure of this step on {@code subject} (the blob or manifest, and where to) in {@code
   * repo}: a {@link TransportException} saying what failed, where, at which step, keeping the
   * registry's status and codes (and its type: not found, verification). An interrupt stays an
   * {@link InterruptedIOException}.
   */
  IOException failure(String subject, Repository repo, Exception cause) {
    if (cause instanceof InterruptedIOException interrupted
        && !(cause instanceof SocketTimeoutException)) {
      return interrupted;
    }
    String registry = repo.registry().name();
    String doing = subject + ": " + description;
    if (cause instanceof TransportException failure) {
      return failure.during(step, registry, repo.repositoryStr(), doing);
    }
    return TransportException.failed(
        doing + ": " + cause.getMessage(), step, registry, repo.repositoryStr(), cause);
  }
}
