package dev.containerregistry.v1.remote.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The HTTP requests each thread has in flight through the built-in HTTP client, so that a call can
 * stop its workers mid-request: interrupting a thread does not unblock a socket read or write, but
 * {@link #abort(Thread)} closes the connection under it, and the blocked request fails at once with
 * an {@link java.io.InterruptedIOException}. Thread-safe; a request leaves this registry when it
 * ends.
 */
public final class InFlightRequests {

  private static final ConcurrentMap<Thread, Set<Runnable>> BY_THREAD = new ConcurrentHashMap<>();

  private InFlightRequests() {}

  /** Interrupts {@code thread} and aborts every request it has in flight. */
  public static void abort(Thread thread) {
    thread.interrupt();
    Set<Runnable> requests = BY_THREAD.get(thread);
    if (requests != null) {
      requests.forEach(Runnable::run);
    }
  }

  /** Registers {@code cancel} as the way to abort a request of the current thread. */
  static Registration register(Runnable cancel) {
    Thread thread = Thread.currentThread();
    BY_THREAD.computeIfAbsent(thread, t -> ConcurrentHashMap.newKeySet()).add(cancel);
    return () ->
        BY_THREAD.computeIfPresent(
            thread,
            (t, requests) -> {
              requests.remove(cancel);
              return requests.isEmpty() ? null : requests;
            });
  }

  /** Ends a registration when its request ended. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
