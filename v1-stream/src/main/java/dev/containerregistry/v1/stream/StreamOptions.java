package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.compression.LayerCompression;
import dev.containerregistry.v1.compression.LayerCompressions;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated options of one stream layer.
 *
 * @param compression the format and level of the compressed stream
 * @param mediaType the media type the layer reports; a layer type of {@code compression}'s format
 * @param parallelism the number of compressing workers; 1 is the reader's own thread
 * @param blockSize the bytes of input compressed at a time, on which gzip output depends
 */
record StreamOptions(
    LayerCompression compression, MediaType mediaType, int parallelism, int blockSize) {

  static final String GZIP = "gzip";
  static final int MAX_PARALLELISM = 256;
  static final int MAX_BLOCK_SIZE = 64 << 20;

  StreamOptions {
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(mediaType, "mediaType");
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "stream layer parallelism must be between 1 and "
              + MAX_PARALLELISM
              + " workers, got "
              + parallelism);
    }
    if (blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
      throw new IllegalArgumentException(
          "stream layer block size must be between 1 and "
              + MAX_BLOCK_SIZE
              + " bytes, got "
              + blockSize);
    }
    if (!LayerCompressions.formatOf(mediaType).equals(Optional.of(compression.name()))) {
      throw new IllegalArgumentException(
          "a stream layer emits "
              + compression.name()
              + ", so it cannot declare the media type '"
              + mediaType
              + "'");
    }
  }

  /** True when the stream is gzip, which the stream layer writes itself (in parallel if asked). */
  boolean gzip() {
    return compression.name().equals(GZIP);
  }

  /** The level of the compression: for gzip, the deflate level. */
  int compressionLevel() {
    return compression.level();
  }
}
