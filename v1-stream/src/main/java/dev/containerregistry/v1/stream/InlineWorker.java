package dev.containerregistry.v1.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Compresses each block in the caller's thread as it is submitted, with one encoder: no thread, and
 * nothing left behind if the stream is dropped (the JDK frees an unreachable zlib deflater).
 */
final class InlineWorker implements Workers {

  private final BlockEncoder encoder;

  InlineWorker(int compressionLevel) {
    this.encoder = BlockEncoder.forLevel(compressionLevel);
  }

  /** One: a block is compressed as soon as it is filled, and handed out before the next. */
  @Override
  public int blocksInFlight() {
    return 1;
  }

  @Override
  public Future<Block> submit(Block block) {
    try {
      encoder.compress(block);
      return CompletableFuture.completedFuture(block);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    encoder.end();
  }
}
