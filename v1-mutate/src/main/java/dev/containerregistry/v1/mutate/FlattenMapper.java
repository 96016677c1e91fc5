package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.tar.TarEntry;
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
 * name} and everything under it in lower layers, never what its own layer holds; an opaque marker
 * {@code .wh..wh..opq} hides everything lower layers have in its directory; a file hides lower
 * entries below its path. Paths are cleaned; a path leading outside the root, and a hard link whose
 * target (resolved from the root, as tar stores it) is absolute or leads outside it, fail the
 * stream; symbolic links whose relative target leads outside the root are dropped.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts">OCI
 *     layer whiteouts</a>
 */
final class FlattenMapper implements RewrittenTar.EntryMapper {

  static final String WHITEOUT_PREFIX = ".wh.";
  static final String OPAQUE_MARKER = ".wh..wh..opq";

  /** Paths already decided; true when the path also hides everything below it. */
  private final Map<String, Boolean> seen = new HashMap<>();

  private final Set<String> opaqueDirs = new HashSet<>();
  private final Set<String> opaqueInThisLayer = new HashSet<>();
  private final Set<String> whiteoutsInThisLayer = new HashSet<>();
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
    if (entry.type() == TarEntry.Type.GLOBAL_PAX_HEADER) {
      return Optional.empty();
    }
    if (ArchivePaths.escapesRoot(entry.name())) {
      throw UnsafeArchivePathException.entry(entry.name(), layers.get(current));
    }
    if (entry.type() == TarEntry.Type.HARD_LINK && ArchivePaths.escapesRoot(entry.linkName())) {
      throw UnsafeArchivePathException.hardLink(
          entry.name(), entry.linkName(), layers.get(current));
    }
    String name = ArchivePaths.clean(entry.name());
    if (entry.type() == TarEntry.Type.SYMLINK
        && ArchivePaths.linkEscapesRoot(name, entry.linkName())) {
      return Optional.empty();
    }
    String dir = ArchivePaths.parent(name);
    String base = ArchivePaths.base(name);
    if (base.equals(OPAQUE_MARKER)) {
      opaqueInThisLayer.add(dir);
      return Optional.empty();
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      String path = ArchivePaths.join(dir, base.substring(WHITEOUT_PREFIX.length()));
      if (!isHidden(path)) {
        whiteoutsInThisLayer.add(path);
      }
      return Optional.empty();
    }
    if (seen.containsKey(name) || isHidden(name)) {
      return Optional.empty();
    }
    seen.put(name, !entry.isDirectory());
    return Optional.of(entry.toBuilder().name(name).build());
  }

  /** Whiteouts and opaque markers of the layer just read start hiding what lower layers hold. */
  @Override
  public void sourceEnded() {
    opaqueDirs.addAll(opaqueInThisLayer);
    opaqueInThisLayer.clear();
    whiteoutsInThisLayer.forEach(path -> seen.put(path, true));
    whiteoutsInThisLayer.clear();
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
