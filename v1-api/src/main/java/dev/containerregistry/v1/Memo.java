package dev.containerregistry.v1;

import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value computed on first use, at most once among threads, and kept, or offered by whoever
 * computed it on the side (for example a stream that hashed what it passed on). A failed
 * computation keeps nothing, so the next call tries again (a stream layer may have been read
 * since). Layer and image implementations, the SDK's and plugins', hold their digests in one.
 *
 * @param <T> the type of the value
 */
public final class Memo<T> {

  private final IoSupplier<T> computation;
  private @Nullable T value;

  /**
   * A memo of {@code computation}, not yet run.
   *
   * @param computation computes the value; must not return null
   */
  public Memo(IoSupplier<T> computation) {
    this.computation = Objects.requireNonNull(computation, "computation");
  }

  /**
   * The value, computed now if it is not kept yet.
   *
   * @return the value
   * @throws IOException when the computation fails; nothing is kept
   */
  public synchronized T get() throws IOException {
    if (value == null) {
      value = Objects.requireNonNull(computation.get(), "a memo computed null");
    }
    return value;
  }

  /**
   * Keeps {@code computed} unless a value is already kept.
   *
   * @param computed the value computed elsewhere
   */
  public synchronized void offer(T computed) {
    if (value == null) {
      value = Objects.requireNonNull(computed, "computed");
    }
  }
}
