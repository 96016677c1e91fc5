package dev.containerregistry.v1.remote.transport;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Waits between attempts; tests substitute one that records the waits instead. */
@FunctionalInterface
interface Sleeper {

  Sleeper REAL =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting to retry");
        }
      };

  void sleep(Duration duration) throws InterruptedIOException;
}
