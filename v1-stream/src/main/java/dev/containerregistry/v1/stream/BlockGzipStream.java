package dev.containerregistry.v1.stream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Compresses the input in blocks, on the reader's thread or on workers, and hands their output out
 * in input order. The bytes depend on the level and the block size only, never on who compresses.
 *
 * <p>The reader's thread does the ordered work: it reads the input (hashing it) into blocks,
 * submits them, and copies the compressed blocks into the reader's buffer (where they are hashed).
 * A block that fills up before the input ends is never the last one; when the input ends exactly at
 * a block boundary, an empty last block ends the deflate stream.
 *
 * <p>With {@code n} workers there are {@code n + 1} blocks: while the reader's thread hands one
 * out, the others are being compressed, and as soon as it is done the block is filled again and
 * submitted, so that a worker that finishes finds the next block waiting. With one (the reader's
 * thread) there is one block, compressed when filled. Blocks keep their arrays, so after the first
 * few blocks the stream allocates only one small task per block, and memory stays near that many
 * blocks of input plus their compressed output, however long the input is or however little each
 * read asks for.
 */
final class BlockGzipStream extends GzipLayerStream {

  private final HashedInput input;
  private final Workers workers;
  private final int blockSize;
  private final InputWindow window = new InputWindow();
  private final Deque<Future<Block>> inFlight = new ArrayDeque<>();
  private boolean lastSubmitted;
  private @Nullable Block current;
  private int currentPosition;
  private long blocksHandedOut;

  BlockGzipStream(HashedInput input, StreamOptions options, StreamLifecycle lifecycle) {
    super(input, options.compressionLevel(), lifecycle);
    this.input = input;
    this.workers = Workers.forStream(this, options.parallelism(), options.compressionLevel());
    this.blockSize = options.blockSize();
  }

  @Override
  int body(byte[] buffer, int offset, int length) throws IOException {
    while (current == null || currentPosition == current.output().length()) {
      submitAhead(current);
      current = null;
      Future<Block> next = inFlight.poll();
      if (next == null) {
        workers.close();
        return -1;
      }
      current = await(next);
      currentPosition = 0;
    }
    int n = current.output().copyTo(currentPosition, buffer, offset, length);
    currentPosition += n;
    return n;
  }

  @Override
  void release() {
    inFlight.forEach(future -> future.cancel(true));
    inFlight.clear();
    workers.close();
  }

  /**
   * Reads and submits blocks until enough are in flight or the last one has been submitted, filling
   * {@code free} (the block just handed out, or null) before making a new one.
   */
  private void submitAhead(@Nullable Block free) throws IOException {
    while (!lastSubmitted && inFlight.size() < workers.blocksInFlight()) {
      Block block = free != null ? free : new Block(blockSize);
      free = null;
      block.fill(input, window);
      lastSubmitted = block.last();
      inFlight.add(workers.submit(block));
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
          "compressing block " + blocksHandedOut + " of a stream layer failed: " + e.getCause(),
          e.getCause());
    }
  }
}
