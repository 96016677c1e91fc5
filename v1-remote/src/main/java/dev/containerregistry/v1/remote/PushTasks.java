package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.remote.transport.InFlightRequests;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * The tasks of one push on the client's shared worker pool. Cancelling stops them all (running ones
 * are interrupted and their requests in flight aborted, so a worker blocked writing a large upload
 * stops at once; queued ones never start) without touching the tasks of other pushes on the same
 * pool; a task handed in after that is refused.
 */
final class PushTasks implements Executor {

  private final ExecutorService pool;
  private final Set<FutureTask<?>> pending = ConcurrentHashMap.newKeySet();
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  PushTasks(ExecutorService pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable command) {
    if (cancelled) {
      throw new RejectedExecutionException("the push was cancelled");
    }
    Runnable tracked =
        () -> {
          Thread self = Thread.currentThread();
          running.add(self);
          try {
            command.run();
          } finally {
            running.remove(self);
          }
        };
    FutureTask<?> task =
        new FutureTask<Void>(tracked, null) {
          @Override
          protected void done() {
            pending.remove(this);
          }
        };
    pending.add(task);
    pool.execute(task);
    if (cancelled) {
      task.cancel(true);
    }
  }

  /** Stops the running tasks of this push (interrupted, requests aborted) and drops queued ones. */
  void cancelAll() {
    cancelled = true;
    for (FutureTask<?> task : pending) {
      task.cancel(false);
    }
    for (Thread thread : running) {
      InFlightRequests.abort(thread);
    }
  }
}
