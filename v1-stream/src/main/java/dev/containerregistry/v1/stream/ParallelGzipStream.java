package dev.containerregistry.v1.stream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Compresses blocks of the input on several workers and hands their output out in input order.
 *
 * <p>The reader's thread does the ordered work: it reads the input (hashing it), submits blocks,
 * and copies the compressed blocks into the reader's buffer (where they are hashed). A block is
 * submitted only once the next one has been read, so that the last block is known and can end the
 * deflate stream. About two blocks per worker are in flight, and blocks are reused, so memory
 * stays near {@code (2 * workers + 2)} blocks of input and output, each about {@code 2 *
 * blockSize}, however long the input is.
 */
final class ParallelGzipStream extends GzipLayerStream {

  private final HashedInput input;
  private final WorkerPool workers;
  private final int blockSize;
  private final int maxInFlight;
  private final Deque<Future<Block>> inFlight = new ArrayDeque<>();
  private final Deque<Block> spare = new ArrayDeque<>();
  private Block pending;
  private Block current;
  private int currentPosition;
  private long blocksHandedOut;

  ParallelGzipStream(HashedInput input, StreamOptions options, StreamProgress progress) {
    super(input, options.compressionLevel(), progress);
    this.input = input;
    this.workers = new WorkerPool(options.parallelism(), options.compressionLevel());
    this.blockSize = options.blockSize();
    this.maxInFlight = 2 * options.parallelism();
  }

  @Override
  int body(byte[] buffer, int offset, int length) throws IOException {
    while (current == null || currentPosition == current.outputLength()) {
      if (current != null) {
        spare.push(current);
        current = null;
      }
      submitAhead();
      Future<Block> next = inFlight.poll();
      if (next == null) {
        workers.close();
        return -1;
      }
      current = await(next);
      currentPosition = 0;
    }
    int n = Math.min(length, current.outputLength() - currentPosition);
    System.arraycopy(current.output(), currentPosition, buffer, offset, n);
    currentPosition += n;
    return n;
  }

  @Override
  void release() {
    inFlight.forEach(future -> future.cancel(true));
    inFlight.clear();
    workers.close();
  }

  /** Reads and submits blocks until enough are in flight or the input has ended. */
  private void submitAhead() throws IOException {
    while (!input.ended() && inFlight.size() < maxInFlight) {
      Block block = spare.isEmpty() ? new Block(blockSize) : spare.pop();
      int n = input.readFully(block.input(), 0, blockSize);
      if (n > 0) {
        block.fill(n, pending);
        if (pending != null) {
          inFlight.add(workers.submit(pending));
        }
        pending = block;
      } else if (pending == null) {
        block.fill(0, null);
        pending = block;
      } else {
        spare.push(block);
      }
      if (input.ended()) {
        pending.markLast();
        inFlight.add(workers.submit(pending));
        pending = null;
      }
    }
  }

  private Block await(Future<Block> future) throws IOException {
    try {
      Block block = future.get();
      blocksHandedOut++;
      return block;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "interrupted while waiting for block " + blocksHandedOut + " of a stream layer");
    } catch (ExecutionException e) {
      throw new IOException(
          "compressing block " + blocksHandedOut + " of a stream layer failed", e.getCause());
    }
  }
}
