package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Hash;
import java.util.Objects;

/**
 * What happened to one blob (a layer or a config) pushed or pulled.
 *
 * @param digest the blob's digest
 * @param outcome whether it was found, mounted, uploaded or downloaded
 * @param size the blob's size in bytes
 * @param bytesTransferred the blob bytes sent for it (0 when found or mounted) or received
 */
public record BlobEvent(Hash digest, Outcome outcome, long size, long bytesTransferred) {

  /** Requires a digest and an outcome. */
  public BlobEvent {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** How the blob came to be in the target repository. */
  public enum Outcome {
    /** The repository already had it ({@code HEAD} answered 200); nothing was sent. */
    EXISTED,
    /** The registry linked it from another repository ({@code mount=}); nothing was sent. */
    MOUNTED,
    /** Its bytes were sent. */
    UPLOADED,
    /** Its bytes were read from the registry, whole, and matched its digest. */
    DOWNLOADED
  }
}
