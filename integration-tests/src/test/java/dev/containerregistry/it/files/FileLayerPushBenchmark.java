package dev.containerregistry.it.files;

import dev.containerregistry.it.support.Commands;
import dev.containerregistry.name.Repository;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Pushes a tree of real binaries to registry:2 three ways and prints MB/s and the heap peak: the
 * tree's tar as a {@link StreamLayer} with 1 worker, the tree as a {@link FileLayer} with 1 worker,
 * and as a FileLayer with 2 workers. The corpus is {@code usr/lib/x86_64-linux-gnu} and {@code
 * usr/lib/jvm}, tarred by the system's tar ({@code --sort=name --mtime=2020-01-01 --owner=0
 * --group=0 --numeric-owner}) and unpacked into the temp directory ({@code -Dbench.dir} to keep
 * it). Not part of the normal run: {@code -Dtest=FileLayerPushBenchmark -DargLine=-Xmx64m}.
 */
@RegistryTest
class FileLayerPushBenchmark {

  @Test
  void pushesTheCorpusAsAStreamLayerAndAsFileLayers(RegistryContainer registry) throws Exception {
    Path dir =
        Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")))
            .resolve("filelayer-bench");
    Path tar = dir.resolve("corpus.tar");
    Path tree = dir.resolve("tree");
    prepare(tar, tree);
    long tarBytes = Files.size(tar);
    System.out.printf(Locale.ROOT, "[bench] corpus: %.0f MiB of tar%n", tarBytes / 1048576.0);

    for (int round = 1; round <= 2; round++) {
      try (InputStream in = Files.newInputStream(tar)) {
        push(
            registry,
            "stream tar, level 1, 1 worker",
            round,
            tarBytes,
            StreamLayer.builder(in).parallelism(1).build());
      }
      push(
          registry,
          "FileLayer level 1, 1 worker",
          round,
          tarBytes,
          FileLayer.builder().directory(tree, "/").parallelism(1).build());
      push(
          registry,
          "FileLayer level 1, 2 workers",
          round,
          tarBytes,
          FileLayer.builder().directory(tree, "/").parallelism(2).build());
    }
  }

  private static void push(
      RegistryContainer registry, String what, int round, long tarBytes, Layer layer)
      throws IOException {
    Repository repo =
        Repository.parse(
            registry.ref("bench/files-" + what.replaceAll("[^a-z0-9]+", "-") + "-" + round));
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    Remote.writeLayer(repo, layer, RemoteOptions.defaults());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "[bench] round %d, %s: %.1f s = %.1f MB/s of tar; %.1f MiB compressed, %s; peak heap"
            + " %.1f MiB of max %.0f MiB%n",
        round,
        what,
        seconds,
        tarBytes / 1e6 / seconds,
        layer.size() / 1048576.0,
        layer.digest(),
        HeapProbe.peakHeap() / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  private static void prepare(Path tar, Path tree) throws IOException, InterruptedException {
    if (!Files.exists(tar)) {
      Files.createDirectories(tar.getParent());
      Commands.run(
          List.of(
              "tar",
              "--sort=name",
              "--mtime=2020-01-01",
              "--owner=0",
              "--group=0",
              "--numeric-owner",
              "-cf",
              tar.toString(),
              "-C",
              "/",
              "usr/lib/x86_64-linux-gnu",
              "usr/lib/jvm"));
    }
    if (!Files.exists(tree)) {
      Files.createDirectories(tree);
      Commands.run(List.of("tar", "-xf", tar.toString(), "-C", tree.toString()));
    }
  }
}
