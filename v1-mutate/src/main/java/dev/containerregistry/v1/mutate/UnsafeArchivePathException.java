package dev.containerregistry.v1.mutate;

import java.io.IOException;

/**
 * Thrown while reading {@link Mutate#extract} when a layer holds an entry whose path would land
 * outside the root once unpacked ({@code ../../etc/passwd}, {@code /etc/passwd}). The stream stops
 * before writing that entry.
 */
public final class UnsafeArchivePathException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String path;

  UnsafeArchivePathException(String path, String archive) {
    super(
        "extracting "
            + archive
            + ": refusing the entry \""
            + path
            + "\", whose path leads outside the root");
    this.path = path;
  }

  /** The entry path as stored in the layer. */
  public String path() {
    return path;
  }
}
