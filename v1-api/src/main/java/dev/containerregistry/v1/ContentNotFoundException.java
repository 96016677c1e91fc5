package dev.containerregistry.v1;

import java.io.IOException;

/**
 * Thrown when an image or index is asked for a layer, blob or child it does not have. Callers
 * detect it by type; {@link #digest()} says what was asked for.
 */
public final class ContentNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Hash digest;

  /**
   * @param digest the digest (or DiffID) that was asked for
   * @param where what was searched, for example {@code "layers of image sha256:..."}
   */
  public ContentNotFoundException(Hash digest, String where) {
    super("no " + digest + " in " + where);
    this.digest = digest;
  }

  /** The digest (or DiffID) that was asked for. */
  public Hash digest() {
    return digest;
  }
}
