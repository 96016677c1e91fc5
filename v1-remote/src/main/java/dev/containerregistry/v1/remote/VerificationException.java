package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.util.Objects;

/**
 * Content read from a registry is not what its descriptor or reference promised: a blob longer or
 * shorter than its size, or bytes whose sha256 is not the expected digest (or DiffID). Thrown by
 * the read path instead of end-of-stream, so that corrupt data is never silently accepted. A {@link
 * TransportException} of step {@link TransportException.Step#VERIFY} and status 0; never retried by
 * the transport (a push copying a corrupt blob fails at its data step).
 */
public final class VerificationException extends TransportException {

  private static final long serialVersionUID = 1L;

  private final Hash expected;

  /**
   * @param expected the digest the content should have had
   * @param message what was read, from where, and how it differs
   */
  public VerificationException(Hash expected, String message) {
    super(message, Step.VERIFY, "", "");
    this.expected = Objects.requireNonNull(expected, "expected");
  }

  /** The digest (or DiffID) the content should have had. */
  public Hash expected() {
    return expected;
  }
}
