package dev.containerregistry.v1.daemon;

import java.io.IOException;

/**
 * The Docker engine refused a request or answered with an error; the message names the engine
 * address, the request and what the engine said.
 */
public final class EngineException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param message what was asked of which engine, and its answer
   * @param status the HTTP status the engine answered, or 0 when the error came in a 200 body
   */
  public EngineException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** The HTTP status the engine answered; 0 when it reported the error inside a 200 response. */
  public int status() {
    return status;
  }
}
