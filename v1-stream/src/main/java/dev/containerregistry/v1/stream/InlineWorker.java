package dev.containerregistry.v1.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.zip.Deflater;

/**
 * Compresses each block in the caller's thread as it is submitted, with one deflater: no thread,
 * and nothing left behind if the stream is dropped (the JDK frees an unreachable deflater).
 */
final class InlineWorker implements Workers {

  private final Deflater deflater;

  InlineWorker(int compressionLevel) {
    this.deflater = new Deflater(compressionLevel, true);
  }

  /** One: a block is compressed as soon as it is filled, and handed out before the next. */
  @Override
  public int blocksInFlight() {
    return 1;
  }

  @Override
  public Future<Block> submit(Block block) {
    try {
      BlockCompressor.compress(block, deflater);
      return CompletableFuture.completedFuture(block);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    deflater.end();
  }
}
