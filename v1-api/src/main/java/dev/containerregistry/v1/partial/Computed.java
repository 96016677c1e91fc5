package dev.containerregistry.v1.partial;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A value computed at most once (on success), or offered by whoever computed it on the side, for
 * example a stream that hashed what it passed on. Failures are not kept: the next call retries.
 */
final class Computed<T> {

  /** Computes the value. */
  @FunctionalInterface
  interface Computation<T> {
    T compute() throws IOException;
  }

  private final Computation<T> computation;
  private @Nullable T value;

  Computed(Computation<T> computation) {
    this.computation = computation;
  }

  synchronized T get() throws IOException {
    if (value == null) {
      value = computation.compute();
    }
    return value;
  }

  /** Keeps {@code computed} unless a value is already there. */
  synchronized void offer(T computed) {
    if (value == null) {
      value = computed;
    }
  }
}
