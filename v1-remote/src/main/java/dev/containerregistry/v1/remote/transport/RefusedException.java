package dev.containerregistry.v1.remote.transport;

import java.io.IOException;

/** A request this client will not send, for safety; never retried. */
final class RefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  RefusedException(String message) {
    super(message);
  }
}
