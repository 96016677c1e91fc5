package dev.containerregistry.v1.remote;

/**
 * Receives the progress of a push. Called from the threads doing the work, possibly several at
 * once: implementations are thread-safe and quick (hand work off rather than block). Updates arrive
 * in order; each carries figures at least as large as the one before.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = progress -> {};

  /** The push advanced. */
  void onProgress(Progress progress);

  /** A blob is in place; by default ignored. */
  default void onBlob(BlobEvent event) {}
}
