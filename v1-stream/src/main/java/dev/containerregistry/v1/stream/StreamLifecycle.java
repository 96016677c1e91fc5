package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.NotComputedException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The life of one stream layer: unread, being read, done with its values, or abandoned without
 * them. Transitions are atomic, and the values are published safely to every thread.
 */
final class StreamLifecycle {

  private sealed interface State {}

  private enum Phase implements State {
    UNREAD,
    READING
  }

  private record Done(LayerValues values) implements State {}

  private record Abandoned(String reason) implements State {}

  private final AtomicReference<State> state = new AtomicReference<>(Phase.UNREAD);

  /**
   * Moves from unread to reading; of several concurrent callers exactly one succeeds.
   *
   * @throws AlreadyConsumedException for every other caller, saying what became of the stream
   */
  void start() {
    if (!state.compareAndSet(Phase.UNREAD, Phase.READING)) {
      throw new AlreadyConsumedException(
          "compressed() of a stream layer can be called only once, and "
              + describe(now())
              + "; its input is read a single time, so build a new StreamLayer to read it again");
    }
  }

  /** Publishes the values; called once, by the stream, after its last byte was handed out. */
  void complete(LayerValues values) {
    state.set(new Done(values));
  }

  /** Records that the stream ended without values, unless it had already completed. */
  void abandon(String reason) {
    state.updateAndGet(current -> current instanceof Done ? current : new Abandoned(reason));
  }

  /** True once the stream was read to its end and its values are known. */
  boolean done() {
    return now() instanceof Done;
  }

  /**
   * The values, once the stream was read to its end.
   *
   * @param what the value asked for, for the message ("digest", "DiffID", "size")
   * @throws NotComputedException while the stream is unread or being read, or when it was abandoned
   *     before its end
   */
  LayerValues values(String what) {
    State current = now();
    if (current instanceof Done done) {
      return done.values();
    }
    throw new NotComputedException(
        "the "
            + what
            + " of a stream layer is known only after its compressed stream has been read to"
            + " the end, and "
            + describe(current));
  }

  @Override
  public String toString() {
    return describe(now());
  }

  private State now() {
    return Objects.requireNonNull(state.get(), "the state is never null");
  }

  private static String describe(State state) {
    if (state == Phase.UNREAD) {
      return "compressed() has not been called yet";
    }
    if (state == Phase.READING) {
      return "its compressed stream is being read";
    }
    if (state instanceof Abandoned abandoned) {
      return "its compressed stream " + abandoned.reason() + ", so it has no values";
    }
    return "its compressed stream was already read to the end";
  }
}
