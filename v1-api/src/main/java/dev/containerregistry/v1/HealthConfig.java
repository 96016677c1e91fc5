package dev.containerregistry.v1;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code HEALTHCHECK} of an image. Zero durations and retries mean "inherit"; durations are
 * written as integer nanoseconds, as Go's {@code time.Duration}.
 *
 * @param test {@code []} inherit, {@code ["NONE"]} disable, {@code ["CMD", args...]} or {@code
 *     ["CMD-SHELL", command]}
 * @param interval the time between checks
 * @param timeout the time after which a check counts as hung
 * @param startPeriod the time the container is given to start before failures count
 * @param retries the consecutive failures that make the container unhealthy
 */
public record HealthConfig(
    List<String> test, Duration interval, Duration timeout, Duration startPeriod, int retries) {

  /** Refuses nulls and copies the list. */
  public HealthConfig {
    test = Copies.list(test, "test");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(startPeriod, "startPeriod");
  }

  static HealthConfig read(JsonFields in) throws MalformedDocumentException {
    long retries = in.integer("Retries");
    if (retries != (int) retries) {
      throw in.error("Retries", "expected a 32-bit integer, got " + retries);
    }
    return new HealthConfig(
        in.strings("Test"),
        Duration.ofNanos(in.integer("Interval")),
        Duration.ofNanos(in.integer("Timeout")),
        Duration.ofNanos(in.integer("StartPeriod")),
        (int) retries);
  }

  void writeFields(JsonOut out) throws IOException {
    out.omitEmptyStrings("Test", test);
    out.omitZero("Interval", interval);
    out.omitZero("Timeout", timeout);
    out.omitZero("StartPeriod", startPeriod);
    out.omitZero("Retries", retries);
  }
}
