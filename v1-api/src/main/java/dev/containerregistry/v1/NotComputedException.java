package dev.containerregistry.v1;

/**
 * Thrown when a value (a digest, a DiffID, a size, or a manifest that depends on them) exists only
 * after a stream has been read to its end. Callers such as the pusher detect it by type and read
 * the stream first; it is not a failure of the layer.
 */
public class NotComputedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was asked for and which stream must be consumed first
   */
  public NotComputedException(String message) {
    super(message);
  }
}
