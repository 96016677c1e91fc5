package dev.containerregistry.v1.tarball;

import java.io.IOException;

/**
 * Thrown when a tarball refers to something it must not: a path outside the archive, or a blob
 * stored as a symbolic or hard link. The message names the archive and the entry.
 */
public final class UnsafeArchiveException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was refused, and where
   */
  public UnsafeArchiveException(String message) {
    super(message);
  }
}
