package dev.containerregistry.v1.stream;

/**
 * Thrown by {@link StreamLayer#compressed()} when the layer's input has already been taken: a
 * stream layer reads its input exactly once, so only the first call gets a stream.
 */
public class AlreadyConsumedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which layer and what happened to its stream before
   */
  public AlreadyConsumedException(String message) {
    super(message);
  }
}
