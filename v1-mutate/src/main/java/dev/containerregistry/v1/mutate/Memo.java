package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.IoSupplier;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A value computed on first use, at most once among threads, and kept. A failed computation keeps
 * nothing, so the next call tries again (a stream layer may have been consumed since).
 */
final class Memo<T> {

  private final IoSupplier<T> computation;
  private @Nullable T value;

  Memo(IoSupplier<T> computation) {
    this.computation = computation;
  }

  synchronized T get() throws IOException {
    if (value == null) {
      value = computation.get();
    }
    return value;
  }
}
