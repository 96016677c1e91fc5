package dev.containerregistry.v1.tar;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that reads only in bulk: a single-byte read goes through the bulk read. */
abstract class BulkInputStream extends InputStream {

  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public final int read(byte[] b, int off, int len) throws IOException {
    return len == 0 ? 0 : readSome(b, off, len);
  }

  /** Reads at least one of {@code len > 0} bytes, or returns -1 at the end. */
  abstract int readSome(byte[] b, int off, int len) throws IOException;
}
