package dev.containerregistry.v1.compression;

import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * The built-in gzip format. It compresses in the reader's thread whatever the number of workers;
 * {@code StreamLayer} (module v1-stream) has its own gzip writer, which can run in parallel.
 *
 * @param level the deflate level, 0 to 9
 */
record GzipCompression(int level) implements LayerCompression {

  static final int DEFAULT_LEVEL = Deflater.BEST_SPEED;
  static final String NAME = "gzip";

  private static final byte[] MAGIC = {0x1f, (byte) 0x8b};
  private static final int INFLATE_BUFFER = 64 * 1024;

  GzipCompression {
    if (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION) {
      throw new IllegalArgumentException("the gzip level must be between 0 and 9, got " + level);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MediaType mediaType() {
    return MediaType.OCI_LAYER;
  }

  @Override
  public byte[] magic() {
    return MAGIC.clone();
  }

  @Override
  public InputStream decompress(InputStream compressed) throws IOException {
    return new GZIPInputStream(compressed, INFLATE_BUFFER);
  }

  @Override
  public InputStream compress(InputStream uncompressed, int workers) {
    return new GzipCompressingInputStream(uncompressed, level);
  }

  @Override
  public String toString() {
    return "gzip level " + level;
  }
}
