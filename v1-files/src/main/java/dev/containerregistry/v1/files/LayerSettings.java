package dev.containerregistry.v1.files;

import dev.containerregistry.v1.files.PlannedEntry.Owner;

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
   * The attributes of entries added with {@code attrs}: theirs, else the defaults', else the
   * fallbacks (owner 0:0 with no names, the fixed time, modes left to each entry).
   */
  EntryAttributes resolve(FileAttributes attrs) {
    FileAttributes merged = attrs.orElse(defaults);
    return new EntryAttributes(
        new Owner(
            merged.uid().orElse(0),
            merged.gid().orElse(0),
            merged.userName().orElse(""),
            merged.groupName().orElse("")),
        merged.fileMode().orElse(EntryAttributes.UNSET),
        merged.directoryMode().orElse(EntryAttributes.UNSET),
        attrs.modificationTime().orElse(null),
        keepModificationTimes,
        defaults.modificationTime().orElse(FileLayer.DEFAULT_MODIFICATION_TIME));
  }
}
