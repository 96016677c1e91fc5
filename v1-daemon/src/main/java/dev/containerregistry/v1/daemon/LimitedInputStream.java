package dev.containerregistry.v1.daemon;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A body of known length: ends after {@code Content-Length} bytes. */
final class LimitedInputStream extends FilterInputStream {

  private long remaining;

  LimitedInputStream(InputStream in, long length) {
    super(in);
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
    int n = super.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new IOException("the engine closed the connection before the end of the body");
    }
    remaining -= n;
    return n;
  }
}
