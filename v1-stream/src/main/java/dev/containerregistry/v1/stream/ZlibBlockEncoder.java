package dev.containerregistry.v1.stream;

import java.util.zip.Deflater;

/**
 * The encoder of levels other than 1: the JDK's {@link Deflater} (zlib), primed with the preceding
 * input as its dictionary; every block but the last ends with a sync flush (byte-aligned, stream
 * still open) while the last one finishes the stream.
 */
final class ZlibBlockEncoder implements BlockEncoder {

  private final Deflater deflater;

  ZlibBlockEncoder(int compressionLevel) {
    this.deflater = new Deflater(compressionLevel, true);
  }

  @Override
  public void compress(Block block) {
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

  @Override
  public void end() {
    deflater.end();
  }
}
