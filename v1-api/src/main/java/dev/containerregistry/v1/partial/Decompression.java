package dev.containerregistry.v1.partial;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Opens the uncompressed tar of a layer blob, recognising the compression by its first bytes rather
 * than by the media type (which registries and tools do not always get right): gzip is inflated, an
 * uncompressed tar is passed through, zstd is refused. When the gzip stream ends, the rest of the
 * blob is read too, so that a digest-verifying stream beneath sees its end and checks the digest
 * even when the decompressor stopped early. Layer implementations call it from {@code
 * uncompressed()}.
 */
public final class Decompression {

  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final int BUFFER = 64 * 1024;

  private Decompression() {}

  /**
   * The uncompressed form of {@code compressed}.
   *
   * @param compressed the blob's bytes; this call takes it over, and it is closed with the returned
   *     stream
   * @param subject what is read, for messages (for example "layer sha256:…")
   * @return the uncompressed bytes
   * @throws IOException when reading the first bytes fails or the blob is zstd-compressed
   */
  public static InputStream uncompressed(InputStream compressed, String subject)
      throws IOException {
    PushbackInputStream peekable = new PushbackInputStream(compressed, ZSTD_MAGIC.length);
    byte[] head = peekable.readNBytes(ZSTD_MAGIC.length);
    peekable.unread(head);
    if (startsWith(head, ZSTD_MAGIC)) {
      peekable.close();
      throw new IOException(
          subject
              + " is zstd-compressed, which this SDK cannot decompress yet; its compressed"
              + " stream can still be read and copied");
    }
    if (!startsWith(head, GZIP_MAGIC)) {
      return peekable;
    }
    return new DrainingAtEnd(new GZIPInputStream(peekable, BUFFER), peekable);
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length
        && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  /** At the end of the tar, reads whatever the decompressor left of the blob. */
  private static final class DrainingAtEnd extends FilterInputStream {
    private final InputStream blob;

    DrainingAtEnd(InputStream tar, InputStream blob) {
      super(tar);
      this.blob = blob;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        blob.transferTo(OutputStream.nullOutputStream());
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n < 0) {
        blob.transferTo(OutputStream.nullOutputStream());
      }
      return n;
    }
  }
}
