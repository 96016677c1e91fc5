package dev.containerregistry.v1.stream;

import java.util.zip.Deflater;

/**
 * Deflates one block so that the blocks, concatenated in order, form one deflate stream: the
 * deflater is primed with the preceding input as its dictionary, and every block but the last
 * ends with a sync flush (byte-aligned, stream still open) while the last one finishes the stream.
 */
final class BlockCompressor {

  private BlockCompressor() {}

  /** Compresses {@code block} with {@code deflater}, a raw (no wrapper) deflater, reset here. */
  static void compress(Block block, Deflater deflater) {
    deflater.reset();
    if (block.dictionaryLength() > 0) {
      deflater.setDictionary(block.dictionary(), 0, block.dictionaryLength());
    }
    deflater.setInput(block.input(), 0, block.length());
    int flush = Deflater.SYNC_FLUSH;
    if (block.last()) {
      deflater.finish();
      flush = Deflater.NO_FLUSH;
    }
    byte[] output = block.output();
    int position = 0;
    while (true) {
      position += deflater.deflate(output, position, output.length - position, flush);
      boolean complete = block.last() ? deflater.finished() : position < output.length;
      if (complete) {
        break;
      }
      if (position == output.length) {
        output = block.growOutput();
      }
    }
    block.outputLength(position);
  }
}
