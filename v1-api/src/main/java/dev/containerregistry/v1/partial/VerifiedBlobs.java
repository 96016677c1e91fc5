package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import java.io.InputStream;
import java.util.Objects;

/**
 * Digest checks for blobs read from a store the reader does not trust (a directory, a tar file): a
 * stream whose bytes do not hash to the digest that named them fails at its end, in place of
 * end-of-stream, so that a reader never sees a clean end of corrupt data.
 */
public final class VerifiedBlobs {

  private VerifiedBlobs() {}

  /**
   * {@code in}, checked against {@code expected} when its end is reached.
   *
   * @param subject what is read, for the message, for example {@code "blob /x/blobs/sha256/ab…"}
   */
  public static InputStream verify(InputStream in, Hash expected, String subject) {
    return new VerifiedStream(
        Objects.requireNonNull(in, "in"),
        Objects.requireNonNull(expected, "expected"),
        Objects.requireNonNull(subject, "subject"));
  }

  /** A blob opener whose streams are checked against the digest they were opened by. */
  public static BlobOpener of(BlobOpener blobs, String where) {
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(where, "where");
    return digest -> verify(blobs.open(digest), digest, "blob " + digest + " of " + where);
  }
}
