package dev.containerregistry.benchmarks.push;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Jib-core row, in a JVM of its own (the only one that loads Jib): pushes the corpus tree,
 * which must hold no symbolic links (Jib follows them), as one layer of an image from scratch. Jib
 * writes the layer into its cache directory before uploading it; the cache given must be empty, so
 * that every run does the whole work. Arguments: the tree, the cache directory, the reference.
 */
public final class JibPushRow {

  private JibPushRow() {}

  /**
   * Pushes once.
   *
   * @param args the tree, an empty cache directory, the reference
   * @throws Exception when the push fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: JibPushRow TREE EMPTY_CACHE_DIR REF");
    }
    Path tree = Path.of(args[0]);
    Path cache = Path.of(args[1]);
    List<Path> topLevel;
    try (Stream<Path> children = Files.list(tree)) {
      topLevel = children.sorted().toList();
    }
    Containerizer target =
        Containerizer.to(RegistryImage.named(args[2]))
            .setAllowInsecureRegistries(true)
            .setApplicationLayersCache(cache.resolve("application"))
            .setBaseImageLayersCache(cache.resolve("base"));
    RowReport.measure(() -> Jib.fromScratch().addLayer(topLevel, "/").containerize(target));
  }
}
