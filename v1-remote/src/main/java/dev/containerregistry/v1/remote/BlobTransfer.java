package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One blob moving between this client and a registry, as {@link RegistryEventListener} sees it:
 * every event about the same transfer carries the same value (and the same {@link #id()}).
 *
 * @param id a number unique among the transfers of this JVM, in the order they started
 * @param direction whether the blob is pushed or pulled
 * @param repository the repository written to or read from
 * @param digest the digest when it is known before the transfer (a stream layer's is not)
 * @param size the size in bytes when it is known before the transfer, else {@code -1}
 */
public record BlobTransfer(
    long id, Direction direction, Repository repository, Optional<Hash> digest, long size) {

  private static final AtomicLong IDS = new AtomicLong();

  /** Requires every part. */
  public BlobTransfer {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(digest, "digest");
  }

  /** A new transfer with the next id. */
  static BlobTransfer start(
      Direction direction, Repository repository, Optional<Hash> digest, long size) {
    return new BlobTransfer(IDS.incrementAndGet(), direction, repository, digest, size);
  }

  /** Which way the bytes go. */
  public enum Direction {
    /** From this client to the registry (a push, or the write side of a copy). */
    PUSH,
    /** From the registry to this client (a pull, or the read side of a copy). */
    PULL
  }
}
