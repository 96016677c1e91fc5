package dev.containerregistry.v1.tar;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of one entry as its header announced it: exactly {@code size} bytes, failing when the
 * source ends early or holds more (a file that changed while it was archived).
 */
final class ExactContent extends BulkInputStream {

  private final InputStream source;
  private final String name;
  private final long size;
  private long left;

  ExactContent(InputStream source, TarEntry entry) {
    this.source = source;
    this.name = entry.name();
    this.size = entry.size();
    this.left = size;
  }

  @Override
  int readSome(byte[] b, int off, int len) throws IOException {
    if (left == 0) {
      if (source.read() >= 0) {
        throw new IOException(
            "writing tar entry \"" + name + "\": its content has more than " + size + " bytes");
      }
      return -1;
    }
    int n = source.read(b, off, (int) Math.min(len, left));
    if (n < 0) {
      throw new IOException(
          "writing tar entry \""
              + name
              + "\": its content ended after "
              + (size - left)
              + " of "
              + size
              + " bytes");
    }
    left -= n;
    return n;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
