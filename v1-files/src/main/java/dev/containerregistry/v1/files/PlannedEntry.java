package dev.containerregistry.v1.files;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry the layer will hold, with every attribute resolved and, for a file on disk, the size
 * and time it had when the tree was walked (to detect a change before its content is read).
 *
 * @param path where the entry goes
 * @param kind what it is
 * @param mode the permission bits
 * @param owner the owner ids and names
 * @param modTime the modification time written
 * @param linkTarget the target of a link, "" otherwise
 * @param source the file on disk holding the content, if any
 * @param bytes the content given in memory, if any
 * @param size the content size
 * @param fileKey the disk file's identity, for hard-link detection
 * @param sourceTime the disk file's modification time when walked
 * @param origin what added it, shown by its {@code toString()} in messages: the path it was read
 *     from on disk (turned into text only for a message), or the builder call
 */
record PlannedEntry(
    ContainerPath path,
    Kind kind,
    int mode,
    Owner owner,
    Instant modTime,
    String linkTarget,
    @Nullable Path source,
    byte @Nullable [] bytes,
    long size,
    @Nullable Object fileKey,
    @Nullable FileTime sourceTime,
    Object origin) {

  /** What an entry is in the tar. */
  enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARD_LINK
  }

  /**
   * Who owns an entry.
   *
   * @param uid the user id
   * @param gid the group id
   * @param userName the user name, "" for none
   * @param groupName the group name, "" for none
   */
  record Owner(int uid, int gid, String userName, String groupName) {}

  boolean isDirectory() {
    return kind == Kind.DIRECTORY;
  }

  /** The tar name, with a trailing '/' for a directory. */
  String tarName() {
    return path.tarName(isDirectory());
  }

  /** This entry as a hard link to {@code first}, which holds the same file. */
  PlannedEntry linkedTo(PlannedEntry first) {
    return new PlannedEntry(
        path,
        Kind.HARD_LINK,
        mode,
        owner,
        modTime,
        first.tarName(),
        source,
        null,
        0,
        fileKey,
        sourceTime,
        origin);
  }
}
