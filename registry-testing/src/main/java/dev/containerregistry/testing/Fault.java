package dev.containerregistry.testing;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One kind of trouble a {@link FaultProxy} makes, and how often: once (the default), {@link
 * #times(int) n times}, or {@link #always() every time} until the proxy is cleared. Immutable.
 *
 * <pre>{@code
 * proxy.inject(Fault.status(503, Duration.ofSeconds(1)).times(2)); // the next two requests get 503
 * proxy.inject(Fault.cutAfterBytes(4 << 20));                     // one connection dies mid-body
 * }</pre>
 */
public final class Fault {
  /** What the proxy does when the fault strikes. */
  enum Kind {
    CUT_MID_REQUEST,
    CUT_BEFORE_REQUEST,
    DELAY,
    REFUSE,
    STATUS
  }

  /** {@link #times(int)} value meaning "every time". */
  static final int ALWAYS = -1;

  private final Kind kind;
  private final long bytes;
  private final Duration duration;
  private final int status;
  private final int times;

  private Fault(Kind kind, long bytes, Duration duration, int status, int times) {
    this.kind = kind;
    this.bytes = bytes;
    this.duration = duration;
    this.status = status;
    this.times = times;
  }

  /**
   * Resets the connection that carries the client's byte number {@code n + 1} (counted over all
   * connections from the client to the registry since the fault was injected or last struck): the
   * registry receives exactly {@code n} bytes, so a request body is cut in the middle.
   */
  public static Fault cutAfterBytes(long n) {
    return new Fault(Kind.CUT_MID_REQUEST, nonNegative(n), Duration.ZERO, 0, 1);
  }

  /**
   * Once {@code n} bytes have passed, resets the connection on which the next request starts,
   * before any of that request reaches the registry: a connection lost between two chunks of an
   * upload, which registry:2 can resume from (a body cut mid-way makes it cancel the upload).
   */
  public static Fault cutBeforeRequestAfterBytes(long n) {
    return new Fault(Kind.CUT_BEFORE_REQUEST, nonNegative(n), Duration.ZERO, 0, 1);
  }

  /** Holds a request back for {@code delay} before passing it on. */
  public static Fault delay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delay must not be negative: " + delay);
    }
    return new Fault(Kind.DELAY, 0, delay, 0, 1);
  }

  /** Resets a new connection as soon as it is accepted, before it reaches the registry. */
  public static Fault refuse() {
    return new Fault(Kind.REFUSE, 0, Duration.ZERO, 0, 1);
  }

  /**
   * Answers a request itself with {@code status} (429 or 5xx, typically) and a {@code Retry-After}
   * of {@code retryAfter} in whole seconds, after reading and dropping its body: the registry never
   * sees it. {@link Duration#ZERO} sends {@code Retry-After: 0}.
   */
  public static Fault status(int status, Duration retryAfter) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an injected status must be 4xx or 5xx: " + status);
    }
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("Retry-After must not be negative: " + retryAfter);
    }
    return new Fault(Kind.STATUS, 0, retryAfter, status, 1);
  }

  /** The same fault, striking {@code n} times (connections or requests, by kind). */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a fault strikes at least once: " + n);
    }
    return new Fault(kind, bytes, duration, status, n);
  }

  /** The same fault, striking every time until {@link FaultProxy#clear()}. */
  public Fault always() {
    return new Fault(kind, bytes, duration, status, ALWAYS);
  }

  Kind kind() {
    return kind;
  }

  long bytes() {
    return bytes;
  }

  Duration duration() {
    return duration;
  }

  int status() {
    return status;
  }

  int times() {
    return times;
  }

  private static long nonNegative(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a byte count must not be negative: " + n);
    }
    return n;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Fault f
        && kind == f.kind
        && bytes == f.bytes
        && duration.equals(f.duration)
        && status == f.status
        && times == f.times;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, bytes, duration, status, times);
  }

  @Override
  public String toString() {
    String what =
        switch (kind) {
          case CUT_MID_REQUEST -> "cutAfterBytes(" + bytes + ")";
          case CUT_BEFORE_REQUEST -> "cutBeforeRequestAfterBytes(" + bytes + ")";
          case DELAY -> "delay(" + duration + ")";
          case REFUSE -> "refuse()";
          case STATUS -> "status(" + status + ", " + duration + ")";
        };
    return what + (times == ALWAYS ? ".always()" : ".times(" + times + ")");
  }
}
