package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * When and how patiently to try again: the one rule every retry of the client follows. It says
 * which failures may pass ({@link #retries(int, List)} for an answer, {@link #retries(Throwable)}
 * for a failure of any kind) and how long to wait before the next attempt.
 *
 * <p>Three places apply it, each to its own kind of failure, so attempts never multiply: the
 * transport resends a request whose body can be sent again (no body, or bytes in memory); a push
 * restarts a whole blob from byte 0 when its streamed data failed and the layer can be read again;
 * a {@code CHUNKED} upload resumes a chunk from the registry's offset. Each gives a failure at most
 * {@link #maxAttempts()} attempts. A failure that one place gave up on reaches the others as a
 * {@link TransportException} of another step, which they do not retry.
 *
 * <p>What is retried by default: status 408, 429, 500, 502, 503 and 504; an error answer whose
 * registry error codes are all {@code TOOMANYREQUESTS}, {@code UNAVAILABLE} or {@code UNKNOWN}; a
 * connection that dropped or timed out. Never retried, whatever the sets say: a refused or
 * unresolvable address ({@link ConnectException}, {@link UnknownHostException}, {@link
 * NoRouteToHostException}), a TLS failure ({@link SSLException}), a registry speaking nonsense
 * ({@link ProtocolException}), an interrupt ({@link InterruptedIOException} other than {@link
 * SocketTimeoutException}) and a request refused by this client for safety. The wait doubles after
 * each attempt from {@code initialBackoff} up to {@code maxBackoff}, with up to {@code jitter} of
 * it added at random; a {@code Retry-After} header is honoured instead (up to {@link
 * #MAX_RETRY_AFTER}).
 *
 * @param maxAttempts attempts in all, including the first (1 means no retry)
 * @param initialBackoff the wait before the second attempt
 * @param maxBackoff the longest wait between attempts
 * @param jitter the random fraction added to each wait, from 0 to 1
 * @param statuses the HTTP statuses that are retried
 * @param errorCodes the registry error codes that make an error answer retried when every code of
 *     the answer is one of them
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double jitter,
    Set<Integer> statuses,
    Set<ErrorCode> errorCodes) {

  /** The longest {@code Retry-After} honoured; a registry asking for more gets an error. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /** The statuses retried by default: 408, 429, 500, 502, 503, 504. */
  public static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  /**
   * The error codes retried by default: {@code TOOMANYREQUESTS}, {@code UNAVAILABLE}, {@code
   * UNKNOWN}.
   */
  public static final Set<ErrorCode> DEFAULT_ERROR_CODES =
      Set.copyOf(
          Arrays.stream(ErrorCode.values())
              .filter(ErrorCode::temporary)
              .collect(Collectors.toSet()));

  /** The failures no policy retries: they cannot pass by trying again. */
  private static final List<Class<? extends IOException>> NEVER_RETRIED =
      List.of(
          ConnectException.class,
          UnknownHostException.class,
          NoRouteToHostException.class,
          SSLException.class,
          ProtocolException.class,
          RefusedException.class);

  /** Validates the values and copies the sets. */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 <= initial <= max, got " + initialBackoff + " and " + maxBackoff);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
    statuses = Set.copyOf(statuses);
    errorCodes = errorCodes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(errorCodes));
  }

  /**
   * The timing given, with the default {@link #DEFAULT_STATUSES} and {@link #DEFAULT_ERROR_CODES}.
   */
  public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
    this(maxAttempts, initialBackoff, maxBackoff, jitter, DEFAULT_STATUSES, DEFAULT_ERROR_CODES);
  }

  /**
   * The default, used by every client unless set: five attempts, waiting 1 s, 2 s, 4 s, 8 s (plus
   * up to 10% jitter), at most 30 s, for the default statuses, codes and failures.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.1);
  }

  /** One attempt only. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
  }

  /** This policy retrying exactly {@code retried} statuses. */
  public RetryPolicy withStatuses(Set<Integer> retried) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, retried, errorCodes);
  }

  /** This policy retrying error answers whose codes are all among {@code retried}. */
  public RetryPolicy withErrorCodes(Set<ErrorCode> retried) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, statuses, retried);
  }

  /**
   * True when an answer with {@code status} and the registry's {@code errors} may pass if the
   * request is sent again: the status is retried, or there is at least one error and every code is
   * a retried one.
   */
  public boolean retries(int status, List<RegistryError> errors) {
    if (statuses.contains(status)) {
      return true;
    }
    return !errors.isEmpty()
        && errors.stream().allMatch(e -> e.knownCode().map(errorCodes::contains).orElse(false));
  }

  /**
   * True when {@code failure} may pass if tried again. Along its chain of causes: a {@link
   * TransportException} whose {@linkplain TransportException#attemptsSpent() attempts were spent}
   * by another layer is not; one with an answer decides by its status and codes; one {@linkplain
   * TransportException#answered() without an answer} lets its cause decide. A failure of a kind
   * never retried, or an interrupt, is not; any other {@link IOException} (a dropped connection, a
   * read timeout) is.
   */
  public boolean retries(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TransportException te && (te.attemptsSpent() || te.answered())) {
        return !te.attemptsSpent() && retries(te.status(), te.errors());
      }
      if (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
        return false;
      }
      for (Class<? extends IOException> kind : NEVER_RETRIED) {
        if (kind.isInstance(t)) {
          return false;
        }
      }
    }
    return failure instanceof IOException;
  }

  /**
   * The wait before attempt {@code attempt + 1} when attempt {@code attempt} got no answer (a
   * dropped connection): the {@linkplain #backoff backoff} plus up to {@code jitter} of it at
   * random.
   */
  public Duration delay(int attempt) {
    Duration base = backoff(attempt);
    if (jitter == 0 || base.isZero()) {
      return base;
    }
    double factor = 1 + ThreadLocalRandom.current().nextDouble(jitter);
    return Duration.ofNanos((long) (base.toNanos() * factor));
  }

  /**
   * The wait before attempt {@code attempt + 1} after the answer {@code failed}: what its {@code
   * Retry-After} header asks for when it sends a readable one, else {@link #delay(int)}.
   *
   * @throws IOException naming the request when {@code Retry-After} asks for more than {@link
   *     #MAX_RETRY_AFTER}
   */
  public Duration delay(int attempt, Response failed) throws IOException {
    return delay(attempt, failed.header("Retry-After"), failed.request().toString());
  }

  /**
   * The wait before attempt {@code attempt + 1} after {@code failure}: what the {@code Retry-After}
   * of its answer asked for, else {@link #delay(int)}.
   *
   * @throws IOException when that {@code Retry-After} asks for more than {@link #MAX_RETRY_AFTER}
   */
  public Duration delay(int attempt, Throwable failure) throws IOException {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TransportException te && te.answered()) {
        return delay(attempt, te.retryAfter(), te.method() + " " + te.url());
      }
    }
    return delay(attempt);
  }

  private Duration delay(int attempt, Optional<String> retryAfter, String request)
      throws IOException {
    Optional<Duration> asked = retryAfter.flatMap(RetryAfter::parse);
    if (asked.isPresent() && asked.get().compareTo(MAX_RETRY_AFTER) > 0) {
      throw new IOException(
          request
              + ": the registry asks to retry after "
              + asked.get()
              + ", longer than "
              + MAX_RETRY_AFTER);
    }
    return asked.orElseGet(() -> delay(attempt));
  }

  /** The wait before attempt {@code attempt + 1} (attempts count from 1), without jitter. */
  public Duration backoff(int attempt) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
