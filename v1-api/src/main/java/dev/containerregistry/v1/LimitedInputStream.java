package dev.containerregistry.v1;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream of exactly {@code length} bytes of another one: it ends after them, and fails with an
 * {@link IOException} naming its subject when the stream beneath ends first. Closing it closes the
 * stream beneath. For bodies of a declared length (an HTTP {@code Content-Length}, a tar entry).
 */
public final class LimitedInputStream extends FilterInputStream {

  private final long length;
  private final String subject;
  private long remaining;

  /**
   * The first {@code length} bytes of {@code in}.
   *
   * @param subject what the bytes are, for the message of a premature end ("entry x of a.tar")
   */
  public LimitedInputStream(InputStream in, long length, String subject) {
    super(in);
    if (length < 0) {
      throw new IllegalArgumentException("a length is >= 0, got " + length + " for " + subject);
    }
    this.length = length;
    this.subject = subject;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = super.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new IOException(
          subject + " ended after " + (length - remaining) + " of its " + length + " bytes");
    }
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, remaining));
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(super.available(), remaining);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
