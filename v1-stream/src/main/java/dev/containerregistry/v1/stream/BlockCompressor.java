package dev.containerregistry.v1.stream;

import java.util.zip.Deflater;

/**
 * Deflates one block so that the blocks, concatenated in order, form one deflate stream: the
 * deflater is primed with the preceding input as its dictionary, and every block but the last ends
 * with a sync flush (byte-aligned, stream still open) while the last one finishes the stream.
 */
final class BlockCompressor {

  private BlockCompressor() {}

  /** Compresses {@code block} with {@code deflater}, a raw (no wrapper) deflater, reset here. */
  static void compress(Block block, Deflater deflater) {
    deflater.reset();
    if (block.dictionaryLength() > 0) {
      deflater.setDictionary(block.dictionary(), 0, block.dictionaryLength());
    }
    ChunkedBytes output = block.output();
    block.input().deflateInto(deflater, output);
    if (block.last()) {
      deflater.finish();
      while (!deflater.finished()) {
        output.appendFrom(deflater, Deflater.NO_FLUSH);
      }
    } else {
      // The flush goes on while it fills the space it is given. Should it fill a chunk exactly,
      // zlib adds one more empty sync marker: valid, and as chunk sizes depend only on the block
      // size, the output stays the same whatever the number of workers.
      while (!output.appendFrom(deflater, Deflater.SYNC_FLUSH)) {}
    }
  }
}
