package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Passes bytes through while hashing and counting them. A stream longer than the expected size
 * fails as soon as the extra byte arrives; at the end of the source the size and sha256 are
 * checked, and a mismatch is thrown in place of end-of-stream, so a reader never sees a clean end
 * of corrupt data. A failure, once thrown, is thrown again by every later read.
 */
final class VerifiedStream extends InputStream {

  private final InputStream source;
  private final Hash expected;
  private final long expectedSize;
  private final String subject;
  private final VerifiedBlobs.MismatchFactory mismatches;
  private final MessageDigest sha256 = Hash.newSha256();
  private long count;
  private boolean verified;
  private @Nullable IOException failure;

  VerifiedStream(
      InputStream source,
      Hash expected,
      long expectedSize,
      String subject,
      VerifiedBlobs.MismatchFactory mismatches) {
    this.source = Objects.requireNonNull(source, "source");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.expectedSize = expectedSize;
    this.subject = Objects.requireNonNull(subject, "subject");
    this.mismatches = Objects.requireNonNull(mismatches, "mismatches");
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (failure != null) {
      throw failure;
    }
    int n = source.read(buffer, offset, length);
    if (n < 0) {
      verify();
      return -1;
    }
    if (expectedSize != VerifiedBlobs.ANY_SIZE && count + n > expectedSize) {
      verified = true;
      failure =
          mismatches.create(
              expected,
              subject + " is longer than the " + expectedSize + " bytes its descriptor declares");
      throw failure;
    }
    sha256.update(buffer, offset, n);
    count += n;
    return n;
  }

  /** Skips by reading, so that skipped bytes are still hashed. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return source.available();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** Checks once; later calls repeat the first outcome, so a swallowed failure comes back. */
  private void verify() throws IOException {
    if (!verified) {
      verified = true;
      failure = mismatch();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private @Nullable IOException mismatch() {
    if (expectedSize != VerifiedBlobs.ANY_SIZE && count != expectedSize) {
      return mismatches.create(
          expected,
          subject
              + " ended after "
              + count
              + " bytes, but its descriptor declares "
              + expectedSize);
    }
    Hash actual = Hash.fromDigest(sha256.digest());
    if (!actual.equals(expected)) {
      return mismatches.create(
          expected, subject + " has sha256 " + actual + ", not the " + expected + " expected");
    }
    return null;
  }
}
