package dev.containerregistry.v1.mutate;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The header of one tar entry as read or to be written, independent of the tar dialect (ustar, PAX,
 * GNU) it was encoded in. Long names, long link targets, large sizes and exact times are plain
 * fields here; the writer chooses the encoding.
 *
 * @param name the path in the archive, as stored
 * @param type the type flag, one of the {@code TYPE_*} constants or any other byte
 * @param mode the permission and mode bits
 * @param uid the owner's user id
 * @param gid the owner's group id
 * @param userName the owner's user name, "" when unset
 * @param groupName the owner's group name, "" when unset
 * @param size the number of content bytes that follow the header
 * @param modTime the modification time
 * @param linkName the target of a symbolic or hard link, "" otherwise
 * @param devMajor the major number of a device
 * @param devMinor the minor number of a device
 * @param paxRecords PAX records not represented by the other fields (for example {@code atime} or
 *     {@code SCHILY.xattr.*}), sorted by key
 */
record TarEntry(
    String name,
    char type,
    long mode,
    long uid,
    long gid,
    String userName,
    String groupName,
    long size,
    Instant modTime,
    String linkName,
    long devMajor,
    long devMinor,
    Map<String, String> paxRecords) {

  static final char TYPE_REGULAR = '0';
  static final char TYPE_HARD_LINK = '1';
  static final char TYPE_SYMLINK = '2';
  static final char TYPE_DIRECTORY = '5';
  static final char TYPE_FIFO = '6';
  static final char TYPE_PAX_GLOBAL = 'g';

  /** Refuses nulls and negative sizes; copies the PAX records. */
  TarEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(modTime, "modTime");
    Objects.requireNonNull(linkName, "linkName");
    if (size < 0) {
      throw new IllegalArgumentException("tar entry \"" + name + "\" has a negative size " + size);
    }
    paxRecords = Collections.unmodifiableSortedMap(new TreeMap<>(paxRecords));
  }

  /** True for types whose header is never followed by content, whatever the size field says. */
  static boolean isHeaderOnly(char type) {
    return type >= TYPE_HARD_LINK && type <= TYPE_FIFO;
  }

  boolean isDirectory() {
    return type == TYPE_DIRECTORY;
  }

  boolean isLink() {
    return type == TYPE_SYMLINK || type == TYPE_HARD_LINK;
  }

  /** A copy named {@code newName}. */
  TarEntry withName(String newName) {
    return new TarEntry(
        newName,
        type,
        mode,
        uid,
        gid,
        userName,
        groupName,
        size,
        modTime,
        linkName,
        devMajor,
        devMinor,
        paxRecords);
  }

  /** A copy with the modification time and any PAX access and change times set to {@code t}. */
  TarEntry withTimes(Instant t) {
    Map<String, String> records = new TreeMap<>(paxRecords);
    for (String key : new String[] {TarPax.ACCESS_TIME, TarPax.CHANGE_TIME}) {
      records.computeIfPresent(key, (k, old) -> TarPax.formatTime(t));
    }
    return new TarEntry(
        name, type, mode, uid, gid, userName, groupName, size, t, linkName, devMajor, devMinor,
        records);
  }
}
