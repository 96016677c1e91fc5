package dev.containerregistry.v1.compression;

import java.io.IOException;

/**
 * A layer is compressed in a format no {@link LayerCompression} on the class path handles; the
 * message names the format and, for formats of the SDK's own modules, the module to add.
 */
public final class UnsupportedCompressionException extends IOException {

  /** An exception with {@code message}. */
  public UnsupportedCompressionException(String message) {
    super(message);
  }
}
