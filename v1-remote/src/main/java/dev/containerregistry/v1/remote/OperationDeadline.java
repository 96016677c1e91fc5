package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.remote.transport.InFlightRequests;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RegistryClient.Builder#operationTimeout operationTimeout} of a client's calls: when a
 * call outlives it, the calling thread is interrupted and its requests in flight are aborted (a
 * push then stops its workers too), and the call throws an {@link InterruptedIOException} saying
 * so, with the thread's interrupt flag cleared. One daemon timer thread per client, started on the
 * first timed call and gone when idle.
 */
final class OperationDeadline implements AutoCloseable {

  private final @Nullable Duration timeout;
  private final @Nullable ScheduledThreadPoolExecutor timer;

  OperationDeadline(@Nullable Duration timeout, int client) {
    this.timeout = timeout;
    if (timeout == null) {
      this.timer = null;
      return;
    }
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "registry-client-" + client + "-deadline");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setKeepAliveTime(1, TimeUnit.SECONDS);
    scheduler.allowCoreThreadTimeOut(true);
    this.timer = scheduler;
  }

  /** Runs {@code call} on this thread, stopped when it outlives the timeout. */
  <T> T run(String what, IoSupplier<T> call) throws IOException {
    if (timeout == null || timer == null) {
      return call.get();
    }
    Thread caller = Thread.currentThread();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> alarm =
        timer.schedule(
            () -> {
              expired.set(true);
              InFlightRequests.abort(caller);
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    try {
      return call.get();
    } catch (IOException e) {
      if (expired.get()) {
        throw timedOut(what, e);
      }
      throw e;
    } finally {
      alarm.cancel(false);
      if (expired.get()) {
        Thread.interrupted(); // the interrupt was the deadline's, not the caller's
      }
    }
  }

  private InterruptedIOException timedOut(String what, IOException cause) {
    InterruptedIOException e =
        new InterruptedIOException(
            what + ": did not finish within the operation timeout " + timeout);
    e.initCause(cause);
    return e;
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
