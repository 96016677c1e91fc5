package dev.containerregistry.v1.remote;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * The tasks of one push on the client's shared worker pool. Cancelling stops them all (running ones
 * are interrupted, queued ones never start) without touching the tasks of other pushes on the same
 * pool; a task handed in after that is refused.
 */
final class PushTasks implements Executor {

  private final ExecutorService pool;
  private final Set<FutureTask<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  PushTasks(ExecutorService pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable command) {
    if (cancelled) {
      throw new RejectedExecutionException("the push was cancelled");
    }
    FutureTask<?> task =
        new FutureTask<Void>(command, null) {
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

  /** Interrupts the running tasks of this push and drops its queued ones. */
  void cancelAll() {
    cancelled = true;
    for (FutureTask<?> task : pending) {
      task.cancel(true);
    }
  }
}
