package dev.containerregistry.it.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.name.Repository;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pushes a generated tar ({@link TarStreams}, 1 GiB of content unless {@code -Dbench.bytes} says
 * otherwise) as a stream layer to registry:2 and prints input MB/s and the JVM's peak heap. Not
 * part of the normal run: select it with {@code -Dtest=StreamPushBenchmark} and give the fork
 * {@code -DargLine=-Xmx128m}.
 */
@RegistryTest
class StreamPushBenchmark {

  private static final long BYTES = Long.getLong("bench.bytes", 1L << 30);

  @ParameterizedTest(name = "level {0}, {1} worker(s)")
  @CsvSource({"1, 1", "6, 1", "1, 2", "6, 2"})
  void pushesAGeneratedTarAsAStreamLayer(int level, int workers, RegistryContainer registry)
      throws IOException {
    StreamLayer layer =
        StreamLayer.builder(TarStreams.of(BYTES, 42))
            .compressionLevel(level)
            .parallelism(workers)
            .build();
    Repository repo = Repository.parse(registry.ref("bench/level" + level + "-workers" + workers));
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

    long start = System.nanoTime();
    Remote.writeLayer(repo, layer, RemoteOptions.defaults());
    double seconds = (System.nanoTime() - start) / 1e9;

    long peakHeap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum();
    System.out.printf(
        Locale.ROOT,
        "[bench] push stream layer: level %d, %d worker(s): %.0f MiB of tar content in %.1f s = %.1f MB/s; "
            + "%.1f MiB compressed; peak heap (sum of the heap pools' peaks) %.1f MiB of max %.0f MiB%n",
        level,
        workers,
        BYTES / 1048576.0,
        seconds,
        BYTES / 1e6 / seconds,
        layer.size() / 1048576.0,
        peakHeap / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
    assertEquals(
        layer.size(), new RegistryHttp(registry).blobSize(repo.repositoryStr(), layer.digest()));
  }
}
