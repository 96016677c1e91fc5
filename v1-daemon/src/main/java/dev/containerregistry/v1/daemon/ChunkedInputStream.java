package dev.containerregistry.v1.daemon;

import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body; ends after the last chunk and its trailers. */
final class ChunkedInputStream extends InputStream {

  private final InputStream in;
  private long remaining;
  private boolean ended;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (remaining == 0 && !ended) {
      nextChunk();
    }
    if (ended) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new IOException("the engine closed the connection inside a chunk");
    }
    remaining -= n;
    if (remaining == 0) {
      UnixHttp.line(in);
    }
    return n;
  }

  private void nextChunk() throws IOException {
    String line = UnixHttp.line(in);
    int semicolon = line.indexOf(';');
    String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
    try {
      remaining = Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size line from the engine: " + line, e);
    }
    if (remaining < 0) {
      throw new IOException("bad chunk size line from the engine: " + line);
    }
    if (remaining == 0) {
      ended = true;
      while (!UnixHttp.line(in).isEmpty()) {
        // trailers are not used
      }
    }
  }
}
