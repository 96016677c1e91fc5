package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Digest checks for blobs read from a store the reader does not trust (a registry, a directory, a
 * tar file): a stream whose bytes do not hash to the digest that named them, or whose length is not
 * the declared size, fails in place of end-of-stream, so that a reader never sees a clean end of
 * corrupt data.
 */
public final class VerifiedBlobs {

  /** The expected size when only the digest is known (for example a DiffID). */
  public static final long ANY_SIZE = -1;

  private VerifiedBlobs() {}

  /** Makes the exception a mismatch is reported with, so that each store can use its own type. */
  @FunctionalInterface
  public interface MismatchFactory {

    /**
     * The failure to throw.
     *
     * @param expected the digest the content should have had
     * @param message what was read and how it differs
     */
    IOException create(Hash expected, String message);
  }

  /**
   * {@code in}, checked against {@code expected} when its end is reached; a mismatch is a plain
   * {@link IOException}.
   *
   * @param subject what is read, for the message, for example {@code "blob /x/blobs/sha256/ab…"}
   */
  public static InputStream verify(InputStream in, Hash expected, String subject) {
    return verify(in, expected, ANY_SIZE, subject, (hash, message) -> new IOException(message));
  }

  /**
   * {@code in}, checked against {@code expected} and {@code size} as it is read.
   *
   * @param size the declared length, or {@link #ANY_SIZE}
   * @param subject what is read, for messages, for example {@code "blob sha256:… of host/repo"}
   * @param mismatches makes the exception thrown on a mismatch
   */
  public static InputStream verify(
      InputStream in, Hash expected, long size, String subject, MismatchFactory mismatches) {
    return new VerifiedStream(in, expected, size, subject, mismatches);
  }

  /** A blob opener whose streams are checked against the digest they were opened by. */
  public static BlobOpener of(BlobOpener blobs, String where) {
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(where, "where");
    return digest -> verify(blobs.open(digest), digest, "blob " + digest + " of " + where);
  }
}
