package dev.containerregistry.v1.stream;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The compressing threads of one parallel stream and their encoders. Threads are daemons named
 * {@code stream-layer-gzip-N}, started on the first block and stopped by {@link #close()}.
 *
 * <p>A stream dropped unclosed keeps none alive: the pool is registered with a {@link Cleaner}
 * against the stream that owns it (the pool and its threads never refer to that stream), so once
 * the stream is unreachable and collected the cleaner stops the threads. Idle threads also stop by
 * themselves after half a minute, should the stream stay reachable but unread. The cleaner is one
 * daemon thread, {@code stream-layer-cleaner}, shared by every pool and started with the first.
 */
final class WorkerPool implements Workers {

  static final String THREAD_NAME_PREFIX = "stream-layer-gzip-";
  static final String CLEANER_THREAD_NAME = "stream-layer-cleaner";

  private static final Cleaner CLEANER = Cleaner.create(daemon(() -> CLEANER_THREAD_NAME));
  private static final long IDLE_SECONDS = 30;
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final int workers;
  private final ThreadPoolExecutor executor;
  private final int compressionLevel;
  private final Deque<BlockEncoder> idleEncoders = new ArrayDeque<>();
  private final Cleaner.Cleanable stopWhenUnreachable;
  private boolean stopped;

  /** A pool of {@code workers} threads that stop, at the latest, once {@code owner} is gone. */
  WorkerPool(int workers, int compressionLevel, Object owner) {
    this.workers = workers;
    this.compressionLevel = compressionLevel;
    AtomicInteger ids = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            workers,
            workers,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon(() -> THREAD_NAME_PREFIX + ids.incrementAndGet()));
    executor.allowCoreThreadTimeOut(true);
    this.stopWhenUnreachable = CLEANER.register(owner, this::stop);
  }

  /** One more than the workers: while the reader hands one block out, each worker has one. */
  @Override
  public int blocksInFlight() {
    return workers + 1;
  }

  @Override
  public Future<Block> submit(Block block) {
    return executor.submit(
        () -> {
          BlockEncoder encoder = borrow();
          try {
            encoder.compress(block);
          } finally {
            giveBack(encoder);
          }
          return block;
        });
  }

  /**
   * Stops the workers, waiting (up to ten seconds) for a block being compressed to finish, and
   * frees the encoders. Safe to call more than once.
   */
  @Override
  public void close() {
    stopWhenUnreachable.clean();
    try {
      executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Interrupts the workers and frees the idle encoders without waiting: the cleaner's action (run
   * once, by {@link #close()} or by the cleaner's thread), so it must not block.
   */
  private void stop() {
    executor.shutdownNow();
    synchronized (this) {
      stopped = true;
      idleEncoders.forEach(BlockEncoder::end);
      idleEncoders.clear();
    }
  }

  private synchronized BlockEncoder borrow() {
    BlockEncoder encoder = idleEncoders.poll();
    return encoder != null ? encoder : BlockEncoder.forLevel(compressionLevel);
  }

  private synchronized void giveBack(BlockEncoder encoder) {
    if (stopped) {
      encoder.end();
    } else {
      idleEncoders.push(encoder);
    }
  }

  /** A factory of daemon threads named by {@code names}. */
  private static ThreadFactory daemon(Supplier<String> names) {
    return task -> {
      Thread thread = new Thread(task, names.get());
      thread.setDaemon(true);
      return thread;
    };
  }
}
