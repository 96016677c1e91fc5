package dev.containerregistry.v1.stream;

import java.util.zip.Deflater;

/**
 * Deflates one block so that the blocks, concatenated in order, form one deflate stream: the
 * block's matches may reach into the 32 KiB before it (its dictionary), every block but the last
 * ends byte-aligned with the stream still open, and the last one ends the stream. One encoder is
 * used by one thread at a time, block after block.
 */
interface BlockEncoder {

  /** The encoder of a gzip level: {@link FastBlockEncoder} for level 1, else zlib's. */
  static BlockEncoder forLevel(int compressionLevel) {
    return compressionLevel == Deflater.BEST_SPEED
        ? new FastBlockEncoder()
        : new ZlibBlockEncoder(compressionLevel);
  }

  /** Appends the compressed form of {@code block}'s input to its output. */
  void compress(Block block);

  /** Frees what the encoder holds; it is not used afterwards. */
  void end();
}
