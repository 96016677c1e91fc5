package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.MediaType;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * The validated options of one stream layer.
 *
 * @param compressionLevel the gzip level, 0 (stored) to 9 (smallest)
 * @param mediaType the media type the layer reports; a gzip layer type
 * @param parallelism the number of compressing workers; 1 is the reader's own thread
 * @param blockSize the bytes of input compressed at a time, on which the output depends
 */
record StreamOptions(int compressionLevel, MediaType mediaType, int parallelism, int blockSize) {

  static final int MAX_PARALLELISM = 256;
  static final int MAX_BLOCK_SIZE = 64 << 20;

  StreamOptions {
    Objects.requireNonNull(mediaType, "mediaType");
    if (compressionLevel < Deflater.NO_COMPRESSION
        || compressionLevel > Deflater.BEST_COMPRESSION) {
      throw new IllegalArgumentException(
          "stream layer compression level must be between 0 and 9, got " + compressionLevel);
    }
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
    String type = mediaType.value();
    if (type.endsWith("+zstd") || type.endsWith(".tar")) {
      throw new IllegalArgumentException(
          "a stream layer emits gzip, so it cannot declare the media type '" + type + "'");
    }
  }
}
