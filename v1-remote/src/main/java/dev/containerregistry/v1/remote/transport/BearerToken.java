package dev.containerregistry.v1.remote.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token from a token server and the moment it stops being used: {@code expires_in} (60 seconds
 * when the server does not say, as the Docker token protocol specifies) minus a margin of a quarter
 * of that lifetime, at most 30 seconds, so that no request sets out with a token about to expire.
 *
 * @param value the token
 * @param useUntil the moment after which a new one is fetched
 */
record BearerToken(String value, Instant useUntil) {

  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
  static final Duration MAX_MARGIN = Duration.ofSeconds(30);

  BearerToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(useUntil, "useUntil");
  }

  /** A token issued at {@code now} that the server says lives {@code lifetime}. */
  static BearerToken issued(String value, Instant now, Duration lifetime) {
    Duration margin = lifetime.dividedBy(4);
    if (margin.compareTo(MAX_MARGIN) > 0) {
      margin = MAX_MARGIN;
    }
    return new BearerToken(value, now.plus(lifetime).minus(margin));
  }

  /** A token that never expires on its own (a registry token from the credentials). */
  static BearerToken permanent(String value) {
    return new BearerToken(value, Instant.MAX);
  }

  /** True while the token may still be sent at {@code now}. */
  boolean usableAt(Instant now) {
    return now.isBefore(useUntil);
  }
}
