package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.remote.transport.TransportListener;
import java.time.Duration;

/**
 * Observes what a {@link RegistryClient} does, in the spirit of OkHttp's {@code EventListener}: the
 * HTTP requests and retries of {@link TransportListener}, and each blob pushed or pulled, from its
 * start through its bytes to its end, mounts and skips included. Set it with {@link
 * RemoteOptions.Builder#events}; every method does nothing by default.
 *
 * <p>For each blob {@link #blobStarted} comes first, then any number of {@link #blobProgress} and
 * {@link #blobRetrying}, then exactly one of {@link #blobFinished} or {@link #blobFailed}. A blob
 * the repository already holds, or that the registry mounts from another repository, finishes
 * without any bytes, its {@link BlobEvent#outcome()} saying which. A pulled blob is transferred as
 * it is read, so its events come on the reading thread; it finishes when read to its end and
 * verified, and fails when its digest does not match or the reader closes it early.
 *
 * <p>Methods are called on the threads doing the work, possibly several at once: implementations
 * are thread-safe and quick, and must not throw (what they throw ends the operation).
 *
 * <pre>{@code
 * RegistryEventListener metrics = new RegistryEventListener() {
 *   @Override
 *   public void blobFinished(BlobTransfer blob, BlobEvent outcome) {
 *     bytes.add(outcome.bytesTransferred());
 *   }
 * };
 * RegistryClient client = RegistryClient.builder()
 *     .options(RemoteOptions.builder().events(metrics).build())
 *     .build();
 * }</pre>
 */
public interface RegistryEventListener extends TransportListener {

  /** A listener that ignores everything. */
  RegistryEventListener NONE = new RegistryEventListener() {};

  /** {@code blob} starts: its upload is about to be checked for, mounted or sent, or it is read. */
  default void blobStarted(BlobTransfer blob) {}

  /**
   * {@code bytes} of {@code blob} have been sent or received so far; never decreases (bytes sent
   * again after a retry are not counted twice).
   */
  default void blobProgress(BlobTransfer blob, long bytes) {}

  /**
   * Attempt {@code attempt} at {@code blob}'s data failed for {@code reason}; in {@code delay} the
   * upload restarts from its first byte or resumes where the registry says it stands.
   */
  default void blobRetrying(BlobTransfer blob, int attempt, Duration delay, String reason) {}

  /** {@code blob} is in place (pushed) or was read whole and verified (pulled). */
  default void blobFinished(BlobTransfer blob, BlobEvent outcome) {}

  /** {@code blob} failed with {@code failure}, which the operation throws or the reader sees. */
  default void blobFailed(BlobTransfer blob, Exception failure) {}
}
