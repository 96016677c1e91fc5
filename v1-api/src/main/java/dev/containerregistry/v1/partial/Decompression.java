package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.compression.LayerCompression;
import dev.containerregistry.v1.compression.LayerCompressions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.Optional;

/**
 * Opens the uncompressed tar of a layer blob, recognising the compression by its first bytes rather
 * than by the media type (which registries and tools do not always get right): gzip, and every
 * format of {@link LayerCompressions} (zstd with module v1-zstd), is decompressed, an uncompressed
 * tar is passed through, and a zstd blob without the zstd module is refused naming the module. When
 * the compressed stream ends, the rest of the blob is read too, so that a digest-verifying stream
 * beneath sees its end and checks the digest even when the decompressor stopped early. Layer
 * implementations call it from {@code uncompressed()}.
 */
public final class Decompression {

  private Decompression() {}

  /**
   * The uncompressed form of {@code compressed}.
   *
   * @param compressed the blob's bytes; this call takes it over, and it is closed with the returned
   *     stream (or at once, when this call fails)
   * @param subject what is read, for messages (for example "layer sha256:…")
   * @return the uncompressed bytes
   * @throws IOException when reading the first bytes fails, or the blob's format is not available
   *     ({@link dev.containerregistry.v1.compression.UnsupportedCompressionException})
   */
  public static InputStream uncompressed(InputStream compressed, String subject)
      throws IOException {
    int magicLength = LayerCompressions.magicLength();
    PushbackInputStream peekable = new PushbackInputStream(compressed, magicLength);
    try {
      byte[] head = peekable.readNBytes(magicLength);
      peekable.unread(head);
      Optional<LayerCompression> format = LayerCompressions.detect(head, subject);
      if (format.isEmpty()) {
        return peekable;
      }
      return new DrainingAtEnd(format.get().decompress(peekable), peekable);
    } catch (IOException | RuntimeException e) {
      try {
        peekable.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
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
