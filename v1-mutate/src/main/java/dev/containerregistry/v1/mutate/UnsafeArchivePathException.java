package dev.containerregistry.v1.mutate;

import java.io.IOException;

/**
 * Thrown while reading {@link Mutate#extract} when a layer holds an entry whose path would land
 * outside the root once unpacked ({@code ../../etc/passwd}, {@code /etc/passwd}), or a hard link
 * whose target does ({@code a/b/h -> ../../etc/shadow}, {@code x -> /etc/passwd}). The stream stops
 * before writing that entry.
 */
public final class UnsafeArchivePathException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /** An entry {@code path} that leaves the root. */
  static UnsafeArchivePathException entry(String path, String archive) {
    return new UnsafeArchivePathException(
        path,
        "extracting "
            + archive
            + ": refusing the entry \""
            + path
            + "\", whose path leads outside the root");
  }

  private UnsafeArchivePathException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** A hard link {@code path} whose {@code target}, resolved from the root, leaves it. */
  static UnsafeArchivePathException hardLink(String path, String target, String archive) {
    return new UnsafeArchivePathException(
        path,
        "extracting "
            + archive
            + ": refusing the hard link \""
            + path
            + "\" to \""
            + target
            + "\", whose target leads outside the root");
  }

  /** The entry path as stored in the layer. */
  public String path() {
    return path;
  }
}
