package dev.containerregistry.v1.stream;

import java.util.Arrays;

/**
 * One block of input on its way through a worker: its bytes, the 32 KiB of input that precede it
 * (the deflate window, used as a preset dictionary), and its compressed output. Blocks are reused:
 * the reader's thread fills one, a worker compresses it, the reader's thread hands its output out.
 */
final class Block {

  /** The deflate window: back-references reach at most this far. */
  static final int WINDOW = 32 * 1024;

  private final byte[] input;
  private final byte[] dictionary;
  private byte[] output;
  private int length;
  private int dictionaryLength;
  private int outputLength;
  private boolean last;

  Block(int blockSize) {
    this.input = new byte[blockSize];
    this.dictionary = new byte[WINDOW];
    this.output = new byte[blockSize + (blockSize >> 8) + 64];
  }

  byte[] input() {
    return input;
  }

  int length() {
    return length;
  }

  byte[] dictionary() {
    return dictionary;
  }

  int dictionaryLength() {
    return dictionaryLength;
  }

  byte[] output() {
    return output;
  }

  int outputLength() {
    return outputLength;
  }

  boolean last() {
    return last;
  }

  /** Makes this the next block after {@code previous}, holding {@code length} input bytes. */
  void fill(int length, Block previous) {
    this.length = length;
    this.last = false;
    this.outputLength = 0;
    if (previous == null) {
      dictionaryLength = 0;
      return;
    }
    int fromInput = Math.min(previous.length, WINDOW);
    int fromDictionary = Math.min(previous.dictionaryLength, WINDOW - fromInput);
    System.arraycopy(
        previous.dictionary, previous.dictionaryLength - fromDictionary, dictionary, 0,
        fromDictionary);
    System.arraycopy(
        previous.input, previous.length - fromInput, dictionary, fromDictionary, fromInput);
    dictionaryLength = fromDictionary + fromInput;
  }

  /** Marks this as the block that ends the deflate stream. */
  void markLast() {
    last = true;
  }

  /** Doubles the output buffer, keeping what it holds; for output that outgrew the estimate. */
  byte[] growOutput() {
    output = Arrays.copyOf(output, output.length * 2);
    return output;
  }

  void outputLength(int outputLength) {
    this.outputLength = outputLength;
  }
}
