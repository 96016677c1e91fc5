package dev.containerregistry.v1.zstd;

import java.lang.ref.Cleaner;

/**
 * Frees native zstd state should a stream be dropped without being read to its end or closed: the
 * state is released when the stream becomes unreachable. One daemon thread per JVM, started on the
 * first zstd stream, runs these releases.
 */
final class NativeRelease {

  private static final Cleaner CLEANER =
      Cleaner.create(
          task -> {
            Thread thread = new Thread(task, "zstd-native-release");
            thread.setDaemon(true);
            return thread;
          });

  private NativeRelease() {}

  /**
   * Runs {@code release} once, when {@code owner} becomes unreachable or when the returned handle
   * is cleaned, whichever comes first. {@code release} must not refer to {@code owner}.
   */
  static Cleaner.Cleanable whenUnreachable(Object owner, Runnable release) {
    return CLEANER.register(owner, release);
  }
}
