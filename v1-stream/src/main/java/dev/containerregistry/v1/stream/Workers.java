package dev.containerregistry.v1.stream;

import java.util.concurrent.Future;

/**
 * What compresses the blocks of one stream: the reader's own thread, or a pool of worker threads.
 */
interface Workers extends AutoCloseable {

  /**
   * The workers for a stream: {@code parallelism} 1 compresses in the caller's thread and starts
   * nothing; more starts a pool whose threads stop when {@code stream} becomes unreachable, should
   * it be dropped without being read to its end or closed.
   */
  static Workers forStream(Object stream, int parallelism, int compressionLevel) {
    if (parallelism == 1) {
      return new InlineWorker(compressionLevel);
    }
    return new WorkerPool(parallelism, compressionLevel, stream);
  }

  /** How many blocks may be in flight at once to keep every worker busy. */
  int blocksInFlight();

  /** Compresses {@code block}; the future yields the same block, compressed. */
  Future<Block> submit(Block block);

  /** Stops the workers and frees their encoders; safe to call more than once. */
  @Override
  void close();
}
