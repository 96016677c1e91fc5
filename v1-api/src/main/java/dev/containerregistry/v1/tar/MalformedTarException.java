package dev.containerregistry.v1.tar;

import java.io.IOException;

/**
 * Thrown by {@link TarReader} when the bytes are not a well-formed tar archive: a bad checksum, a
 * size that is negative or too large, a field that is not a number, extended headers past their
 * cap, or an entry type this SDK does not read. The message names the archive and the entry.
 */
public final class MalformedTarException extends IOException {
  private static final long serialVersionUID = 1L;

  MalformedTarException(String message) {
    super(message);
  }

  MalformedTarException(String message, Throwable cause) {
    super(message, cause);
  }
}
