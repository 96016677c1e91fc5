package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A streamed request body, sent once, written in pieces of {@value #WRITE_SIZE} bytes: the HTTP
 * client's own stream entity writes 4 KiB at a time, which for a layer of hundreds of MiB costs one
 * chunk and one socket write per 4 KiB, on this side and in the registry that reads them.
 */
final class StreamBodyEntity extends AbstractHttpEntity {

  /** Bytes read from the body and written at once. */
  static final int WRITE_SIZE = 256 * 1024;

  private final InputStream body;
  private final long length;

  /**
   * @param length the body's length, or -1 when unknown (sent chunked)
   */
  StreamBodyEntity(InputStream body, long length, ContentType type) {
    super(type, null);
    this.body = body;
    this.length = length;
  }

  @Override
  public InputStream getContent() {
    return body;
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public boolean isRepeatable() {
    return false;
  }

  @Override
  public boolean isStreaming() {
    return true;
  }

  /** Writes the body: all of it when its length is unknown, else at most its length. */
  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (InputStream in = body) {
      long remaining = length;
      byte[] piece = new byte[(int) (remaining < 0 ? WRITE_SIZE : Math.min(WRITE_SIZE, remaining))];
      while (remaining != 0) {
        int wanted = remaining < 0 ? piece.length : (int) Math.min(piece.length, remaining);
        int n = in.readNBytes(piece, 0, wanted);
        if (n > 0) {
          out.write(piece, 0, n);
        }
        if (n < wanted) {
          break; // the body ended
        }
        if (remaining > 0) {
          remaining -= n;
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
