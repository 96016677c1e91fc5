package dev.containerregistry.v1.files;

import dev.containerregistry.v1.files.PlannedEntry.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one read of a layer, kept sorted by container path with their attributes resolved.
 * A later addition at a path replaces the earlier one. {@link #finish()} adds the parent
 * directories nobody added and turns repeated files on disk into hard links.
 */
final class EntryPlan {

  static final int DEFAULT_FILE_MODE = 0644;
  static final int DEFAULT_DIRECTORY_MODE = 0755;
  private static final int SYMLINK_MODE = 0777;

  private final LayerSettings settings;
  private final EntryAttributes unset;
  private final TreeMap<ContainerPath, PlannedEntry> entries = new TreeMap<>();

  EntryPlan(LayerSettings settings) {
    this.settings = settings;
    this.unset = settings.resolve(FileAttributes.NONE);
  }

  LayerSettings settings() {
    return settings;
  }

  /** The attributes of the entries one call adds with {@code attrs}, resolved once for all. */
  EntryAttributes attributes(FileAttributes attrs) {
    return settings.resolve(attrs);
  }

  /** A regular file or directory read from disk at {@code source}. */
  void addFromDisk(ContainerPath path, Path source, FileFacts facts, EntryAttributes attrs) {
    boolean directory = facts.kind() == FileFacts.Kind.DIRECTORY;
    int mode = directory ? attrs.directoryMode(facts.mode()) : attrs.fileMode(facts.mode());
    put(
        new PlannedEntry(
            path,
            directory ? Kind.DIRECTORY : Kind.FILE,
            mode,
            attrs.owner(),
            attrs.modificationTime(facts.modified()),
            "",
            directory ? null : source,
            null,
            directory ? 0 : facts.size(),
            directory ? null : facts.fileKey(),
            directory ? null : facts.modified(),
            source));
  }

  /** A symbolic link found on disk at {@code source}, stored as a link to {@code target}. */
  void addLinkFromDisk(
      ContainerPath path, Path source, String target, FileFacts facts, EntryAttributes attrs) {
    put(link(path, target, attrs, facts, source));
  }

  /** A regular file holding {@code bytes}. */
  void addBytes(ContainerPath path, byte[] bytes, EntryAttributes attrs) {
    put(
        new PlannedEntry(
            path,
            Kind.FILE,
            attrs.fileMode(DEFAULT_FILE_MODE),
            attrs.owner(),
            attrs.modificationTime(null),
            "",
            null,
            bytes,
            bytes.length,
            null,
            null,
            "bytes(" + path + ")"));
  }

  /** A directory that is not read from disk. */
  void addDirectory(ContainerPath path, EntryAttributes attrs, String origin) {
    put(
        new PlannedEntry(
            path,
            Kind.DIRECTORY,
            attrs.directoryMode(DEFAULT_DIRECTORY_MODE),
            attrs.owner(),
            attrs.modificationTime(null),
            "",
            null,
            null,
            0,
            null,
            null,
            origin));
  }

  /** A symbolic link to {@code target} that is not read from disk. */
  void addSymlink(ContainerPath path, String target, EntryAttributes attrs) {
    put(link(path, target, attrs, null, "symlink(" + path + ")"));
  }

  /** An empty regular file, as OCI whiteouts are. */
  void addMarker(ContainerPath path, String origin) {
    put(
        new PlannedEntry(
            path,
            Kind.FILE,
            unset.fileMode(DEFAULT_FILE_MODE),
            unset.owner(),
            unset.modificationTime(null),
            "",
            null,
            new byte[0],
            0,
            null,
            null,
            origin));
  }

  /**
   * The entries in order, with the missing parent directories added and every regular file on disk
   * seen before (the same file key) written as a hard link to its first entry.
   *
   * @throws IOException naming both entries, when an entry lies under one that is not a directory
   */
  List<PlannedEntry> finish() throws IOException {
    for (PlannedEntry entry : new ArrayList<>(entries.values())) {
      addParents(entry);
    }
    Map<Object, PlannedEntry> firstByKey = new HashMap<>();
    List<PlannedEntry> result = new ArrayList<>(entries.size());
    for (PlannedEntry entry : entries.values()) {
      Object key = entry.fileKey();
      if (entry.kind() == Kind.FILE && key != null) {
        PlannedEntry first = firstByKey.putIfAbsent(key, entry);
        result.add(first == null ? entry : entry.linkedTo(first));
      } else {
        result.add(entry);
      }
    }
    return result;
  }

  private void addParents(PlannedEntry entry) throws IOException {
    for (ContainerPath p = entry.path().parent(); p != null && !p.isRoot(); p = p.parent()) {
      PlannedEntry existing = entries.get(p);
      if (existing == null) {
        addDirectory(p, unset, "parent of " + entry.path());
      } else if (existing.isDirectory()) {
        return;
      } else {
        throw new IOException(
            "building a file layer: "
                + entry.path()
                + " (from "
                + entry.origin()
                + ") lies under "
                + p
                + ", which is not a directory (from "
                + existing.origin()
                + ")");
      }
    }
  }

  private PlannedEntry link(
      ContainerPath path,
      String target,
      EntryAttributes attrs,
      @Nullable FileFacts facts,
      Object origin) {
    return new PlannedEntry(
        path,
        Kind.SYMLINK,
        SYMLINK_MODE,
        attrs.owner(),
        attrs.modificationTime(facts == null ? null : facts.modified()),
        target,
        null,
        null,
        0,
        null,
        null,
        origin);
  }

  private void put(PlannedEntry entry) {
    entries.put(entry.path(), entry);
  }
}
