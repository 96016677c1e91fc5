package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sequential mode uses no thread but the reader's; the parallel mode's workers are gone once
 * the stream has ended, been closed early, or failed.
 */
class WorkerThreadsTest {

  private static final byte[] INPUT = TestData.mixed(1_000_000, 3);

  @Test
  void sequentialModeDoesAllItsWorkInTheReadersThread() throws IOException {
    Set<Thread> before = workerThreads();
    TrackingInputStream input = new TrackingInputStream(INPUT);
    StreamLayer layer = StreamLayer.of(input);

    try (InputStream compressed = layer.compressed()) {
      compressed.readAllBytes();
    }

    assertEquals(Set.of(Thread.currentThread()), input.readers());
    assertEquals(before, workerThreads());
  }

  /** How a parallel stream stops: every way must leave no worker behind. */
  private enum Stop {
    AT_ITS_END {
      @Override
      void stop(InputStream compressed) throws IOException {
        compressed.readAllBytes();
      }
    },
    CLOSED_EARLY {
      @Override
      void stop(InputStream compressed) throws IOException {
        compressed.close();
      }
    },
    BY_A_FAILING_INPUT {
      @Override
      InputStream input() {
        return TestData.failingAfter(INPUT, "connection reset");
      }

      @Override
      void stop(InputStream compressed) {
        assertThrows(IOException.class, compressed::readAllBytes);
      }
    };

    InputStream input() {
      return new TrackingInputStream(INPUT);
    }

    abstract void stop(InputStream compressed) throws IOException;
  }

  @ParameterizedTest
  @EnumSource(Stop.class)
  void parallelWorkersAreGoneOnceTheStreamStops(Stop how) throws IOException {
    Set<Thread> before = workerThreads();
    InputStream compressed = parallelLayer(how.input()).compressed();

    compressed.readNBytes(1000);
    Set<Thread> started = newWorkers(before);
    how.stop(compressed);

    assertFalse(started.isEmpty(), "workers ran");
    assertAllDaemonsAndGone(started, before);
  }

  private static StreamLayer parallelLayer(InputStream input) {
    return StreamLayer.builder(input).parallelism(2).blockSize(64 * 1024).build();
  }

  private static Set<Thread> workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(WorkerPool.THREAD_NAME_PREFIX))
        .collect(Collectors.toSet());
  }

  private static Set<Thread> newWorkers(Set<Thread> before) {
    Set<Thread> now = new HashSet<>(workerThreads());
    now.removeAll(before);
    return now;
  }

  /** Threads that have left their pool may still be unwinding: join them before checking. */
  private static void assertAllDaemonsAndGone(Set<Thread> started, Set<Thread> before) {
    for (Thread thread : started) {
      assertTrue(thread.isDaemon(), thread.getName());
      join(thread);
      assertFalse(thread.isAlive(), thread.getName() + " still alive");
    }
    List<String> left =
        newWorkers(before).stream().filter(Thread::isAlive).map(Thread::getName).toList();
    assertEquals(List.of(), left, "worker threads left behind");
  }

  private static void join(Thread thread) {
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while joining " + thread.getName(), e);
    }
  }
}
