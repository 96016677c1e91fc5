package dev.containerregistry.v1.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

/**
 * The compressing threads of one parallel stream and their deflaters. Threads are daemons named
 * {@code stream-layer-gzip-N}, started on the first block and stopped by {@link #close()}; idle
 * threads also stop by themselves after half a minute, so a stream that is dropped unclosed keeps
 * none alive.
 */
final class WorkerPool implements AutoCloseable {

  static final String THREAD_NAME_PREFIX = "stream-layer-gzip-";

  private static final long IDLE_SECONDS = 30;
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final ThreadPoolExecutor executor;
  private final int compressionLevel;
  private final Deque<Deflater> idleDeflaters = new ArrayDeque<>();
  private boolean closed;

  WorkerPool(int workers, int compressionLevel) {
    this.compressionLevel = compressionLevel;
    this.executor =
        new ThreadPoolExecutor(
            workers,
            workers,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads());
    executor.allowCoreThreadTimeOut(true);
  }

  /** Compresses {@code block} on a worker; the future yields the same block, compressed. */
  Future<Block> submit(Block block) {
    return executor.submit(
        () -> {
          Deflater deflater = borrow();
          try {
            BlockCompressor.compress(block, deflater);
          } finally {
            giveBack(deflater);
          }
          return block;
        });
  }

  /**
   * Stops the workers, waiting (up to ten seconds) for a block being compressed to finish, and
   * frees the deflaters. Safe to call more than once.
   */
  @Override
  public void close() {
    executor.shutdownNow();
    boolean interrupted = false;
    try {
      executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    synchronized (this) {
      closed = true;
      idleDeflaters.forEach(Deflater::end);
      idleDeflaters.clear();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized Deflater borrow() {
    Deflater deflater = idleDeflaters.poll();
    return deflater != null ? deflater : new Deflater(compressionLevel, true);
  }

  private synchronized void giveBack(Deflater deflater) {
    if (closed) {
      deflater.end();
    } else {
      idleDeflaters.push(deflater);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger ids = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, THREAD_NAME_PREFIX + ids.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
