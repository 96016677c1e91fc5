package dev.containerregistry.v1.files;

import dev.containerregistry.v1.files.PlannedEntry.Owner;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The layer-wide choices that decide the attributes written for each entry.
 *
 * @param defaults the attributes used where an entry sets none
 * @param keepModificationTimes whether entries read from disk keep their own modification time
 * @param followSymlinks whether links on disk are followed rather than stored as links
 */
record LayerSettings(
    FileAttributes defaults, boolean keepModificationTimes, boolean followSymlinks) {

  /**
   * The owner of an entry with {@code attrs}: theirs, else the defaults', else 0:0 and no names.
   */
  Owner owner(FileAttributes attrs) {
    FileAttributes merged = attrs.orElse(defaults);
    return new Owner(
        merged.uid().orElse(0),
        merged.gid().orElse(0),
        merged.userName().orElse(""),
        merged.groupName().orElse(""));
  }

  /**
   * The modification time of an entry with {@code attrs}: theirs, else the file's own when real
   * times are kept and it comes from disk, else the defaults', else the fixed default.
   */
  Instant modificationTime(FileAttributes attrs, @Nullable FileTime onDisk) {
    if (attrs.modificationTime().isPresent()) {
      return attrs.modificationTime().get();
    }
    if (keepModificationTimes && onDisk != null) {
      return onDisk.toInstant();
    }
    return defaults.modificationTime().orElse(FileLayer.DEFAULT_MODIFICATION_TIME);
  }

  /** The mode of a regular file: the one set, else {@code fallback}. */
  int fileMode(FileAttributes attrs, int fallback) {
    return attrs.orElse(defaults).fileMode().orElse(fallback);
  }

  /** The mode of a directory: the one set, else {@code fallback}. */
  int directoryMode(FileAttributes attrs, int fallback) {
    return attrs.orElse(defaults).directoryMode().orElse(fallback);
  }
}
