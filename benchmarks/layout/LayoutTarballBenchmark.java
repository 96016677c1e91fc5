package dev.containerregistry.benchmarks.layout;

import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.layout.AppendOptions;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.partial.Partial;
import dev.containerregistry.v1.tarball.Tarball;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an image of {@code --layers} blobs of {@code --layer-mib} MiB each (4 x 256 MiB = 1 GiB by
 * default) to an OCI layout and to a tarball, and reads each back verifying every blob's sha256;
 * prints MiB/s per step. The blobs are gzip files of random bytes generated before timing starts,
 * and no step compresses or decompresses, so the figures measure I/O and hashing. Run by {@code benchmarks/run-layout.sh}, which times
 * {@code skopeo copy} doing the same next to it. Arguments: {@code --dir DIR} (required).
 */
public final class LayoutTarballBenchmark {

  private static final double MIB = 1024.0 * 1024.0;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(option(args, "--dir", "/tmp"));
    int layers = Integer.parseInt(option(args, "--layers", "4"));
    long layerBytes = Long.parseLong(option(args, "--layer-mib", "256")) * 1024 * 1024;

    List<Layer> blobs = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < layers; i++) {
      Path file = dir.resolve("blob-" + i);
      Hash digest = generate(file, layerBytes, i + 1);
      long size = Files.size(file);
      total += size;
      blobs.add(
          Partial.compressedLayer(
              digest, size, MediaType.OCI_LAYER, () -> Files.newInputStream(file)));
    }
    Image image =
        Mutate.appendLayers(
            Mutate.configMediaType(
                Mutate.mediaType(Empty.image(), MediaType.OCI_MANIFEST), MediaType.OCI_CONFIG_JSON),
            blobs.toArray(Layer[]::new));
    image.digest();

    Path layoutDir = dir.resolve("sdk-layout");
    long start = System.nanoTime();
    Layout.create(layoutDir).append(image, AppendOptions.refName("bench"));
    report("SDK write layout", total, start);

    start = System.nanoTime();
    readAll(Layout.open(layoutDir).image("bench"));
    report("SDK read layout (verify every blob)", total, start);

    Path tar = dir.resolve("sdk.tar");
    start = System.nanoTime();
    try (OutputStream out = Files.newOutputStream(tar)) {
      Tarball.write(Map.of(Tag.parse("bench/image:1"), image), out);
    }
    report("SDK write tarball", total, start);

    start = System.nanoTime();
    readAll(Tarball.open(tar).image(0));
    report("SDK read tarball (verify every blob)", total, start);
  }

  /** Reads every layer's compressed stream to its end; the stream fails on a digest mismatch. */
  private static void readAll(Image image) throws IOException {
    for (Layer layer : image.layers()) {
      try (InputStream in = layer.compressed()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
  }

  private static Hash generate(Path file, long bytes, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] buffer = new byte[1 << 20];
    var sha256 = Hash.newSha256();
    try (OutputStream out =
        new GZIPOutputStream(
            new DigestOutputStream(Files.newOutputStream(file), sha256), 1 << 16) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      for (long done = 0; done < bytes; done += buffer.length) {
        for (int i = 0; i < buffer.length; i += 8) {
          long v = random.nextLong();
          for (int k = 0; k < 8; k++) {
            buffer[i + k] = (byte) (v >>> (8 * k));
          }
        }
        out.write(buffer);
      }
    }
    return Hash.fromDigest(sha256.digest());
  }

  private static void report(String what, long bytes, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf("%-40s %8.1f MiB/s  (%.1f s)%n", what, bytes / MIB / seconds, seconds);
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
