package dev.containerregistry.benchmarks.pull;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Pulls one large layer from a registry and reads it to the end through the SDK (its bytes are
 * hashed and counted as they stream, and checked against the descriptor at the end), next to
 * {@code sha256sum} of the same bytes on disk. Prints MiB/s and the JVM's heap peak per round.
 *
 * <p>Run by {@code benchmarks/run-pull.sh}, which starts a local registry; a single-file program
 * (java's source launcher) on v1-remote's class path.
 * Arguments: {@code --registry host:port} (required), {@code --size-mib 1024},
 * {@code --rounds 3}, {@code --dir /tmp}, {@code --seed 1}.
 */
public final class PullBenchmark {

  private static final int BUFFER = 64 * 1024;
  private static final double MIB = 1024.0 * 1024.0;

  public static void main(String[] args) throws Exception {
    String registry = option(args, "--registry", null);
    if (registry == null) {
      throw new IllegalArgumentException("usage: PullBenchmark --registry host:port [--size-mib N]");
    }
    long size = Long.parseLong(option(args, "--size-mib", "1024")) * 1024 * 1024;
    int rounds = Integer.parseInt(option(args, "--rounds", "3"));
    Path dir = Path.of(option(args, "--dir", System.getProperty("java.io.tmpdir")));
    long seed = Long.parseLong(option(args, "--seed", "1"));

    Path blob = Files.createTempFile(dir, "pull-benchmark-", ".tar");
    try {
      Hash digest = writeBlob(blob, size, seed);
      Reference ref = push(registry, blob, digest, size);
      System.out.printf(
          "layer: %d MiB, %s, pulled from %s, heap limit %d MiB%n",
          size >> 20, digest, ref, Runtime.getRuntime().maxMemory() >> 20);
      List<Double> pulls = new ArrayList<>();
      List<Double> sums = new ArrayList<>();
      long peak = 0;
      for (int round = 1; round <= rounds; round++) {
        PullResult pull = pull(ref, size);
        double sum = sha256sum(blob, digest, size);
        pulls.add(pull.mibPerSecond);
        sums.add(sum);
        peak = Math.max(peak, pull.peakHeap);
        System.out.printf(
            "round %d: SDK pull %.0f MiB/s (heap peak %.1f MiB) | sha256sum on disk %.0f MiB/s%n",
            round, pull.mibPerSecond, pull.peakHeap / MIB, sum);
      }
      System.out.printf(
          "median: SDK pull %.0f MiB/s, sha256sum %.0f MiB/s; heap peak over all rounds %.1f MiB%n",
          median(pulls), median(sums), peak / MIB);
    } finally {
      Files.deleteIfExists(blob);
    }
  }

  private record PullResult(double mibPerSecond, long peakHeap) {}

  /** Pulls the image and reads its layer to the end through the SDK's verifying stream. */
  private static PullResult pull(Reference ref, long size) throws IOException {
    System.gc();
    List<MemoryPoolMXBean> heap = heapPools();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    Layer layer = Remote.image(ref, RemoteOptions.defaults()).layers().get(0);
    long read = 0;
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = layer.compressed()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        read += n;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (read != size) {
      throw new IllegalStateException("read " + read + " bytes, expected " + size);
    }
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return new PullResult(size / MIB / (elapsed / 1e9), peak);
  }

  /** Times {@code sha256sum} of the file (after a first run has put it in the page cache). */
  private static double sha256sum(Path file, Hash expected, long size)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
    String line;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
    }
    if (process.waitFor() != 0 || line == null || !line.startsWith(expected.hex())) {
      throw new IllegalStateException("sha256sum disagrees: " + line);
    }
    return size / MIB / ((System.nanoTime() - start) / 1e9);
  }

  /** Writes {@code size} pseudo-random bytes (incompressible, like most layer blobs). */
  private static Hash writeBlob(Path file, long size, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    MessageDigest sha256 = Hash.newSha256();
    byte[] buffer = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += buffer.length) {
        for (int i = 0; i < buffer.length; i += 8) {
          long value = random.nextLong();
          for (int b = 0; b < 8; b++) {
            buffer[i + b] = (byte) (value >>> (8 * b));
          }
        }
        int n = (int) Math.min(buffer.length, size - written);
        out.write(buffer, 0, n);
        sha256.update(buffer, 0, n);
      }
    }
    return Hash.fromDigest(sha256.digest());
  }

  /** Uploads the blob (streamed from disk), a config and a manifest with plain HTTP calls. */
  private static Reference push(String registry, Path blob, Hash digest, long size)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI base = URI.create("http://" + registry);
    upload(http, base, HttpRequest.BodyPublishers.ofFile(blob), digest);
    byte[] config =
        ConfigFile.builder()
            .platform(Platform.of("linux", "amd64"))
            .rootFs(RootFs.of(List.of(digest)))
            .build()
            .toJson();
    upload(http, base, HttpRequest.BodyPublishers.ofByteArray(config), Hash.sha256(config));
    byte[] manifest =
        Manifest.builder()
            .mediaType(MediaType.OCI_MANIFEST)
            .config(Descriptor.of(MediaType.OCI_CONFIG_JSON, config.length, Hash.sha256(config)))
            .layers(List.of(Descriptor.of(MediaType.OCI_UNCOMPRESSED_LAYER, size, digest)))
            .build()
            .toJson();
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(base.resolve("/v2/bench/pull/manifests/big"))
                .header("Content-Type", MediaType.OCI_MANIFEST.value())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 201) {
      throw new IOException("putting the manifest: " + put.statusCode() + " " + put.body());
    }
    return Reference.parse(registry + "/bench/pull:big");
  }

  private static void upload(
      HttpClient http, URI base, HttpRequest.BodyPublisher body, Hash digest)
      throws IOException, InterruptedException {
    HttpResponse<Void> started =
        http.send(
            HttpRequest.newBuilder(base.resolve("/v2/bench/pull/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    URI location = base.resolve(started.headers().firstValue("Location").orElseThrow());
    String separator = location.getRawQuery() == null ? "?" : "&";
    HttpResponse<String> done =
        http.send(
            HttpRequest.newBuilder(URI.create(location + separator + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(body)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (done.statusCode() != 201) {
      throw new IOException("uploading " + digest + ": " + done.statusCode() + " " + done.body());
    }
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
