package dev.containerregistry.v1.files;

import dev.containerregistry.v1.files.PlannedEntry.Owner;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of the entries one builder call adds, merged with the layer's defaults once for
 * all of them (a tree's entries share one owner): each entry then only picks its values.
 *
 * @param owner the owner of every entry
 * @param fileMode the mode set for regular files, or {@link #UNSET}
 * @param directoryMode the mode set for directories, or {@link #UNSET}
 * @param ownTime the modification time the call set, if any: it wins over the one on disk
 * @param keepTimes whether entries from disk keep their own modification time
 * @param fallbackTime the time otherwise: the defaults', else {@link
 *     FileLayer#DEFAULT_MODIFICATION_TIME}
 */
record EntryAttributes(
    Owner owner,
    int fileMode,
    int directoryMode,
    @Nullable Instant ownTime,
    boolean keepTimes,
    Instant fallbackTime) {

  /** A mode nobody set. */
  static final int UNSET = -1;

  /** The mode of a regular file: the one set, else {@code fallback}. */
  int fileMode(int fallback) {
    return fileMode == UNSET ? fallback : fileMode;
  }

  /** The mode of a directory: the one set, else {@code fallback}. */
  int directoryMode(int fallback) {
    return directoryMode == UNSET ? fallback : directoryMode;
  }

  /**
   * The modification time of an entry: the one set, else its own on disk when times are kept and it
   * comes from disk, else the fallback.
   */
  Instant modificationTime(@Nullable FileTime onDisk) {
    if (ownTime != null) {
      return ownTime;
    }
    if (keepTimes && onDisk != null) {
      return onDisk.toInstant();
    }
    return fallbackTime;
  }
}
