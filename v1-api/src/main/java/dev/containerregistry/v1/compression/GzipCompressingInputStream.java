package dev.containerregistry.v1.compression;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads as the gzip compression of another stream, compressing as it is read: nothing is buffered
 * beyond the deflater's window, and no thread is needed. The output is deterministic (no file name,
 * modification time 0), so compressing the same tar twice gives the same digest.
 */
final class GzipCompressingInputStream extends InputStream {

  /** Magic, deflate, no flags, mtime 0, no extra flags, OS "unknown" (RFC 1952). */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final Deflater deflater;
  private final CheckedInputStream source;
  private final DeflaterInputStream body;
  private byte @Nullable [] pending = HEADER;
  private int pendingAt;
  private boolean bodyDone;

  GzipCompressingInputStream(InputStream uncompressed, int level) {
    this.deflater = new Deflater(level, true);
    this.source = new CheckedInputStream(uncompressed, new CRC32());
    this.body = new DeflaterInputStream(source, deflater, 64 * 1024);
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
    while (true) {
      if (pending != null) {
        if (pendingAt < pending.length) {
          int n = Math.min(len, pending.length - pendingAt);
          System.arraycopy(pending, pendingAt, b, off, n);
          pendingAt += n;
          return n;
        }
        pending = null;
        if (bodyDone) {
          return -1;
        }
      }
      int n = body.read(b, off, len);
      if (n > 0) {
        return n;
      }
      if (n < 0) {
        bodyDone = true;
        pending = trailer();
        pendingAt = 0;
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      body.close();
    } finally {
      deflater.end();
    }
  }

  private byte[] trailer() {
    long crc = source.getChecksum().getValue();
    long length = deflater.getBytesRead();
    byte[] out = new byte[8];
    for (int i = 0; i < 4; i++) {
      out[i] = (byte) (crc >>> (8 * i));
      out[4 + i] = (byte) (length >>> (8 * i));
    }
    return out;
  }
}
