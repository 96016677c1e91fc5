package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.compression.LayerCompression;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The stream of a stream layer in a format other than gzip, written by that format's {@link
 * LayerCompression} (zstd from module v1-zstd, say) from the hashed input. The compressor is made
 * on the first read, so a stream never read holds nothing but the input.
 */
final class CodecLayerStream extends LayerStream {

  private final HashedInput input;
  private final LayerCompression compression;
  private final int workers;
  private @Nullable InputStream encoder;

  CodecLayerStream(
      HashedInput input, LayerCompression compression, int workers, StreamLifecycle lifecycle) {
    super(input, lifecycle);
    this.input = input;
    this.compression = compression;
    this.workers = workers;
  }

  @Override
  int next(byte[] buffer, int offset, int length) throws IOException {
    InputStream from = encoder;
    if (from == null) {
      from = compression.compress(input.asStream(), workers);
      encoder = from;
    }
    int n;
    do {
      n = from.read(buffer, offset, length);
    } while (n == 0);
    return n;
  }

  /** The end is known only when the compressor says so. */
  @Override
  boolean complete() {
    return false;
  }

  @Override
  void release() throws IOException {
    InputStream from = encoder;
    if (from != null) {
      from.close();
    }
  }
}
