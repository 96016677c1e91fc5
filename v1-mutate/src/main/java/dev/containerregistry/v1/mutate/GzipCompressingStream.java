package dev.containerregistry.v1.mutate;

import com.google.common.io.CountingInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;

/**
 * The gzip (RFC 1952) compression of an input stream, produced as it is read: a fixed header
 * (no name, time zero, so equal input gives equal bytes), raw deflate of the input, then the
 * CRC-32 and length of the input. No thread, no buffer beyond the deflater's.
 */
final class GzipCompressingStream extends InputStream {

  private static final byte[] HEADER = {
    0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff
  };
  private static final int BUFFER = 64 * 1024;

  private final InputStream gzip;

  /**
   * @param input the bytes to compress; closed when this stream is closed
   * @param level the deflate level, 0 to 9
   */
  GzipCompressingStream(InputStream input, int level) {
    CountingInputStream counted = new CountingInputStream(input);
    CheckedInputStream checked = new CheckedInputStream(counted, new CRC32());
    Deflater deflater = new Deflater(level, true);
    DeflaterInputStream deflated =
        new DeflaterInputStream(checked, deflater, BUFFER) {
          @Override
          public void close() throws IOException {
            try {
              super.close();
            } finally {
              deflater.end();
            }
          }
        };
    Enumeration<InputStream> parts =
        new Enumeration<>() {
          private int next;

          @Override
          public boolean hasMoreElements() {
            return next < 3;
          }

          @Override
          public InputStream nextElement() {
            return switch (next++) {
              case 0 -> new ByteArrayInputStream(HEADER);
              case 1 -> deflated;
              default -> new ByteArrayInputStream(
                  trailer(checked.getChecksum().getValue(), counted.getCount()));
            };
          }
        };
    this.gzip = new SequenceInputStream(parts);
  }

  private static byte[] trailer(long crc, long length) {
    return ByteBuffer.allocate(8)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) crc)
        .putInt((int) length)
        .array();
  }

  @Override
  public int read() throws IOException {
    return gzip.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return gzip.read(b, off, len);
  }

  @Override
  public void close() throws IOException {
    gzip.close();
  }
}
