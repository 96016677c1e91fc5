package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a blob's bytes through while hashing them; at the end, a sha256 other than the expected
 * one is thrown in place of end-of-stream, so a reader never sees a clean end of corrupt data.
 */
final class VerifiedStream extends FilterInputStream {

  private final Hash expected;
  private final String subject;
  private final MessageDigest sha256 = Hash.newSha256();
  private boolean checked;

  VerifiedStream(InputStream in, Hash expected, String subject) {
    super(in);
    this.expected = expected;
    this.subject = subject;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      sha256.update(b, off, n);
    } else if (n < 0) {
      check();
    }
    return n;
  }

  /** Skips by reading, so that skipped bytes are hashed too. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check() throws IOException {
    if (checked) {
      return;
    }
    Hash actual = Hash.fromDigest(sha256.digest());
    checked = actual.equals(expected);
    if (!checked) {
      throw new IOException(
          subject + " has sha256 " + actual + ", not the " + expected + " it is named by");
    }
  }
}
