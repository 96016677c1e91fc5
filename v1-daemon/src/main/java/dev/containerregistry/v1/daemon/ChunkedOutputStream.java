package dev.containerregistry.v1.daemon;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 chunked encoding: each write becomes one chunk; {@link #finish()} ends the body. */
final class ChunkedOutputStream extends FilterOutputStream {

  ChunkedOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(b, off, len);
    out.write('\r');
    out.write('\n');
  }

  /** Writes the last (empty) chunk; the underlying stream stays open. */
  void finish() throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Does not close the connection: the response is still to be read. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
