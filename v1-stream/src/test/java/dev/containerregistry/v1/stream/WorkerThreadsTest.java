package dev.containerregistry.v1.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One worker is the reader's thread and starts none; the parallel mode's workers are gone once the
 * stream has ended, been closed early, or failed, or once a stream dropped half-read is collected.
 */
class WorkerThreadsTest {

  private static final byte[] INPUT = TestData.mixed(1_000_000, 3);

  /**
   * Counted from the last stream dropped, shorter than the 30 s after which idle workers stop by
   * themselves: the last streams' workers can only have been stopped by the cleaner.
   */
  private static final Duration COLLECTION_DEADLINE = Duration.ofSeconds(20);

  @Test
  void oneWorkerDoesAllItsWorkInTheReadersThread() throws IOException {
    Set<Thread> before = workerThreads();
    TrackingInputStream input = new TrackingInputStream(INPUT);
    StreamLayer layer = StreamLayer.builder(input).parallelism(1).build();

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

  @Test
  void theDefaultLayerStartsTheDefaultNumberOfWorkers() throws IOException {
    Set<Thread> before = workerThreads();
    byte[] input = TestData.mixed(3_500_000, 5);
    try (InputStream compressed = StreamLayer.of(new TrackingInputStream(input)).compressed()) {
      compressed.readNBytes(1000);
      int expected = StreamLayer.defaultParallelism() == 1 ? 0 : StreamLayer.defaultParallelism();

      assertEquals(expected, newWorkers(before).size());
    }
  }

  /**
   * Thousands of parallel streams, each read a few KiB and dropped unclosed: once they are
   * collected, their workers stop, well before idle workers would stop by themselves.
   */
  @Test
  void workersOfStreamsDroppedHalfReadStopOnceTheStreamsAreCollected() throws Exception {
    Set<Thread> before = workerThreads();
    abandonHalfRead();
    assertFalse(newWorkers(before).isEmpty(), "an abandoned stream's workers run until collected");
    for (int i = 1; i < 2000; i++) {
      abandonHalfRead();
    }

    List<String> left = aliveWhileCollecting(before).stream().map(Thread::getName).toList();

    assertEquals(
        0,
        left.size(),
        () -> left.size() + " workers left behind: " + left.subList(0, Math.min(5, left.size())));
  }

  /** The new workers still alive once none is, or once the deadline has passed, collecting. */
  private static List<Thread> aliveWhileCollecting(Set<Thread> before) throws InterruptedException {
    Instant deadline = Instant.now().plus(COLLECTION_DEADLINE);
    List<Thread> alive = aliveNewWorkers(before);
    while (!alive.isEmpty() && Instant.now().isBefore(deadline)) {
      System.gc();
      Thread.sleep(100);
      alive = aliveNewWorkers(before);
    }
    return alive;
  }

  /** Reads 2 KiB of a parallel stream over 1 MB of input and forgets it, leaving it unclosed. */
  private static void abandonHalfRead() throws IOException {
    StreamLayer layer =
        StreamLayer.builder(new ByteArrayInputStream(INPUT))
            .parallelism(2)
            .blockSize(8 * 1024)
            .build();
    assertEquals(2048, layer.compressed().readNBytes(2048).length);
  }

  private static List<Thread> aliveNewWorkers(Set<Thread> before) {
    return newWorkers(before).stream().filter(Thread::isAlive).toList();
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
    List<String> left = aliveNewWorkers(before).stream().map(Thread::getName).toList();
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
