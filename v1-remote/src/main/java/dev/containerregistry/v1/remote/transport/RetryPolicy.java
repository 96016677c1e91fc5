package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to retry a request that failed for a reason that may pass: a
 * connection error, or status 408, 429, 500, 502, 503 or 504, or a registry error code that means
 * "try again". The wait doubles after each attempt, from {@code initialBackoff} up to {@code
 * maxBackoff}, with up to {@code jitter} of it added at random; a {@code Retry-After} header is
 * honoured instead when the registry sends one. Requests with a streamed body are never resent.
 *
 * @param maxAttempts attempts in all, including the first (1 means no retry)
 * @param initialBackoff the wait before the second attempt
 * @param maxBackoff the longest wait between attempts
 * @param jitter the random fraction added to each wait, from 0 to 1
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {

  /** The longest {@code Retry-After} honoured; a registry asking for more gets an error. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /** Validates the values. */
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
  }

  /** Five attempts, waiting 1 s, 2 s, 4 s, 8 s (plus up to 10% jitter), at most 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.1);
  }

  /** One attempt only. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
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
    Optional<Duration> asked = failed.header("Retry-After").flatMap(RetryAfter::parse);
    if (asked.isPresent() && asked.get().compareTo(MAX_RETRY_AFTER) > 0) {
      throw new IOException(
          failed.request()
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
