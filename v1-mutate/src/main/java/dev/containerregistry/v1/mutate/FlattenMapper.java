package dev.containerregistry.v1.mutate;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which entries survive when layers are flattened into one filesystem, fed the layers top
 * (newest) first: the first entry seen for a path wins; a whiteout {@code .wh.name} hides {@code
 * name} and everything under it in lower layers; an opaque marker {@code .wh..wh..opq} hides
 * everything lower layers have in its directory; a file hides lower entries below its path. Paths
 * are cleaned; a path leading outside the root fails the stream, and links whose relative target
 * leads outside the root are dropped.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts">OCI
 *     layer whiteouts</a>
 */
final class FlattenMapper implements TarRewriteStream.EntryMapper {

  static final String WHITEOUT_PREFIX = ".wh.";
  static final String OPAQUE_MARKER = ".wh..wh..opq";

  /** Paths already decided; true when the path also hides everything below it. */
  private final Map<String, Boolean> seen = new HashMap<>();

  private final Set<String> opaqueDirs = new HashSet<>();
  private final Set<String> opaqueInThisLayer = new HashSet<>();
  private final List<String> layers;
  private int current;

  /**
   * @param layers what each source is, top first, for messages
   */
  FlattenMapper(List<String> layers) {
    this.layers = List.copyOf(layers);
  }

  @Override
  public Optional<TarEntry> map(TarEntry entry) throws IOException {
    if (entry.type() == TarEntry.TYPE_PAX_GLOBAL) {
      return Optional.empty();
    }
    if (ArchivePaths.escapesRoot(entry.name())) {
      throw new UnsafeArchivePathException(entry.name(), layers.get(current));
    }
    String name = ArchivePaths.clean(entry.name());
    if (entry.isLink() && ArchivePaths.linkEscapesRoot(name, entry.linkName())) {
      return Optional.empty();
    }
    String dir = ArchivePaths.parent(name);
    String base = ArchivePaths.base(name);
    if (base.equals(OPAQUE_MARKER)) {
      opaqueInThisLayer.add(dir);
      return Optional.empty();
    }
    boolean whiteout = base.startsWith(WHITEOUT_PREFIX);
    String path =
        whiteout ? ArchivePaths.join(dir, base.substring(WHITEOUT_PREFIX.length())) : name;
    if ((seen.containsKey(path) && !whiteout) || isHidden(path)) {
      return Optional.empty();
    }
    seen.put(path, whiteout || !entry.isDirectory());
    return whiteout ? Optional.empty() : Optional.of(entry.withName(name));
  }

  @Override
  public void sourceEnded() {
    opaqueDirs.addAll(opaqueInThisLayer);
    opaqueInThisLayer.clear();
    current++;
  }

  /** True when an ancestor of {@code path} is whited out, a file, or opaque in an upper layer. */
  private boolean isHidden(String path) {
    for (String p = path, dir = ArchivePaths.parent(p);
        !dir.equals(p);
        p = dir, dir = ArchivePaths.parent(p)) {
      if (seen.getOrDefault(dir, false) || opaqueDirs.contains(dir)) {
        return true;
      }
    }
    return false;
  }
}
