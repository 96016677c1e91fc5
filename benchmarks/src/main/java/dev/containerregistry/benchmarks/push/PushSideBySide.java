package dev.containerregistry.benchmarks.push;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.remote.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pushes one corpus to a local registry in every way of {@link #rows}, each run in a process of its
 * own against a registry started empty for it, round after round (so that a busy neighbour slows
 * every row alike), then prints each row's median, its speed relative to skopeo, the bytes the
 * registry holds for the image, the heap peak and the CPU time.
 *
 * <p>Run by {@code benchmarks/run-push-side-by-side.sh}, which prepares the corpus. Options: {@code
 * --tar FILE} (the corpus), {@code --tree DIR} (the same, unpacked), {@code --jib-tree DIR} (the
 * tree without symbolic links), {@code --layout DIR} (an OCI layout whose one layer is the
 * uncompressed tar, tagged {@code corpus}; omitted when skopeo is missing), {@code --work DIR},
 * {@code --rounds N} (default 3), {@code --heap SIZE} (the rows' JVM heap limit, default 128m),
 * {@code --registry binary|container} (default: the binary when it is installed).
 */
public final class PushSideBySide {

  private static final double MIB = 1024.0 * 1024.0;
  private static final String SKOPEO_SLUG = "skopeo-gzip";

  private final Map<String, String> options;
  private final Path work;

  private PushSideBySide(Map<String, String> options) {
    this.options = options;
    this.work = Path.of(required("work"));
  }

  /**
   * Runs every row, round after round, and prints the table.
   *
   * @param args the options above, as {@code --name value} pairs
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    new PushSideBySide(parse(args)).run();
  }

  /**
   * The rows, in the order of the table: gzip rows first, then the zstd ones ({@code StreamLayer}
   * with {@code Zstd.compression()}, and skopeo with {@code --dest-compress-format zstd}).
   */
  private List<Row> rows(Row.Jvm jvm) {
    Path tar = Path.of(required("tar"));
    Path tree = Path.of(required("tree"));
    List<Row> rows = new ArrayList<>();
    rows.add(
        Row.sdk("StreamLayer.of(tar), defaults", "stream-default", jvm, "stream", tar, "default"));
    rows.add(
        Row.sdk("StreamLayer, 1 worker (reader's thread)", "stream-1", jvm, "stream", tar, "1"));
    rows.add(Row.sdk("StreamLayer, 2 workers", "stream-2", jvm, "stream", tar, "2"));
    rows.add(Row.sdk("FileLayer(tree), defaults", "files-default", jvm, "files", tree, "default"));
    rows.add(Row.sdk("FileLayer(tree), 2 workers", "files-2", jvm, "files", tree, "2"));
    rows.add(
        Row.jib("Jib-core 0.27.3 (tree, no symlinks)", "jib", jvm, Path.of(required("jib-tree"))));
    String layout = options.get("layout");
    if (layout != null) {
      rows.add(
          Row.skopeo("skopeo copy, gzip while pushing", SKOPEO_SLUG, Path.of(layout), List.of()));
    }
    rows.add(
        Row.sdk(
            "StreamLayer zstd(3), defaults", "stream-zstd", jvm, "stream-zstd", tar, "default"));
    if (layout != null) {
      rows.add(
          Row.skopeo(
              "skopeo copy, zstd while pushing",
              "skopeo-zstd",
              Path.of(layout),
              List.of("--dest-compress-format", "zstd")));
    }
    return rows;
  }

  private void run() throws Exception {
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    String heap = options.getOrDefault("heap", "128m");
    boolean container =
        options
            .getOrDefault("registry", LocalRegistry.needsContainer() ? "container" : "binary")
            .equals("container");
    Row.Jvm jvm =
        new Row.Jvm(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            heap,
            System.getProperty("java.class.path"));
    List<Row> rows = rows(jvm);
    long tarBytes = Files.size(Path.of(required("tar")));
    System.out.printf(
        Locale.ROOT,
        "corpus %.0f MiB of tar, %d cpus, rows' heap limit %s, registry %s, %d rounds%n",
        tarBytes / MIB,
        Runtime.getRuntime().availableProcessors(),
        heap,
        container ? "registry:2 container" : "docker-registry binary",
        rounds);
    Map<Row, List<RunFigures>> results = new LinkedHashMap<>();
    try (RegistryClient client = RegistryClient.create()) {
      for (int round = 1; round <= rounds; round++) {
        for (Row row : rows) {
          RunFigures figures = runOnce(row, round, container, client);
          results.computeIfAbsent(row, r -> new ArrayList<>()).add(figures);
          System.out.printf(Locale.ROOT, "round %d, %-38s %s%n", round, row.label(), figures);
        }
      }
    }
    new Table(results, tarBytes, SKOPEO_SLUG).print(System.out);
  }

  private RunFigures runOnce(Row row, int round, boolean container, RegistryClient client)
      throws Exception {
    Path scratch = Files.createDirectories(work.resolve("scratch-" + row.slug()));
    Path log =
        Files.createDirectories(work.resolve("logs")).resolve(row.slug() + "-" + round + ".log");
    try (LocalRegistry registry = LocalRegistry.start(work, container)) {
      String ref = registry.address() + "/bench/" + row.slug() + ":" + round;
      RunFigures figures = RowProcess.run(row, ref, scratch, log);
      if (row.kind() == Row.Kind.SDK && !Directories.isEmpty(scratch)) {
        throw new IllegalStateException(
            row.label() + " left files in its temp directory " + scratch);
      }
      return figures.withWireBytes(wireBytes(client, ref));
    } finally {
      Directories.deleteTree(scratch);
    }
  }

  /** The bytes of the pushed image's blobs (config and layers), as the registry's manifest says. */
  private static long wireBytes(RegistryClient client, String ref) throws IOException {
    Manifest manifest = client.image(Reference.parse(ref)).manifest();
    return manifest.config().size() + manifest.layers().stream().mapToLong(Descriptor::size).sum();
  }

  private String required(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing option --" + name);
    }
    return value;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("options are '--name value' pairs, got " + args[i]);
      }
      options.putIfAbsent(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
