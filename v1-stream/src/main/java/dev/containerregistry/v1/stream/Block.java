package dev.containerregistry.v1.stream;

import java.io.IOException;

/**
 * One block of input on its way through a worker: its bytes, the 32 KiB of input that precede it
 * (the deflate window, used as a preset dictionary), and its compressed output. Blocks are reused:
 * the reader's thread fills one, a worker compresses it, the reader's thread hands its output out,
 * then fills it again; its arrays stay allocated for the next use.
 */
final class Block {

  private final int blockSize;
  private final ChunkedBytes input;
  private final byte[] dictionary = new byte[InputWindow.SIZE];
  private final ChunkedBytes output;
  private int dictionaryLength;
  private boolean last;

  Block(int blockSize) {
    this.blockSize = blockSize;
    this.input = new ChunkedBytes(blockSize);
    this.output = new ChunkedBytes(blockSize);
  }

  /**
   * Reads the next block of {@code in}, up to the block size, after the input that {@code window}
   * ends with, then slides the window over it. The block is the last one when {@code in} ended.
   */
  void fill(HashedInput in, InputWindow window) throws IOException {
    dictionaryLength = window.copyTo(dictionary);
    input.clear();
    output.clear();
    input.appendFrom(in, blockSize);
    window.slideOver(input);
    last = in.ended();
  }

  ChunkedBytes input() {
    return input;
  }

  byte[] dictionary() {
    return dictionary;
  }

  int dictionaryLength() {
    return dictionaryLength;
  }

  ChunkedBytes output() {
    return output;
  }

  /** True for the block that ends the deflate stream. */
  boolean last() {
    return last;
  }
}
