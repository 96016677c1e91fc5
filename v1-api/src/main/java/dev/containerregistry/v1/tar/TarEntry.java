package dev.containerregistry.v1.tar;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The header of one tar entry as read or to be written, independent of the tar dialect (ustar, PAX,
 * GNU) it was encoded in. Long names, long link targets, large sizes and exact times are plain
 * fields here; the encoder chooses ustar when everything fits and PAX records otherwise. Build one
 * with {@link #builder(String, Type)}.
 *
 * @param name the path in the archive, as stored
 * @param type what the entry is
 * @param mode the permission and mode bits
 * @param uid the owner's user id
 * @param gid the owner's group id
 * @param userName the owner's user name, "" when unset
 * @param groupName the owner's group name, "" when unset
 * @param size the number of content bytes that follow the header; 0 for links, directories, devices
 *     and FIFOs
 * @param modTime the modification time
 * @param linkName the target of a symbolic or hard link, "" otherwise
 * @param devMajor the major number of a device
 * @param devMinor the minor number of a device
 * @param paxRecords PAX records not represented by the other fields (for example {@code atime} or
 *     {@code SCHILY.xattr.*}), sorted by key
 */
public record TarEntry(
    String name,
    Type type,
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

  /** The PAX records of most entries: none (shared, so that an entry copies no empty map). */
  private static final Map<String, String> NO_PAX =
      Collections.unmodifiableSortedMap(new TreeMap<>());

  /** What a tar entry is, with the type flag that marks it in a header. */
  public enum Type {
    /** A regular file with content. */
    REGULAR('0'),
    /** A hard link to an earlier entry, named by {@link TarEntry#linkName()}. */
    HARD_LINK('1'),
    /** A symbolic link to {@link TarEntry#linkName()}. */
    SYMLINK('2'),
    /** A character device. */
    CHAR_DEVICE('3'),
    /** A block device. */
    BLOCK_DEVICE('4'),
    /** A directory. */
    DIRECTORY('5'),
    /** A named pipe. */
    FIFO('6'),
    /** A PAX global header: its content holds records that apply to every later entry. */
    GLOBAL_PAX_HEADER('g');

    private final char flag;

    Type(char flag) {
      this.flag = flag;
    }

    /**
     * The type flag byte of a header.
     *
     * @return the flag, for example {@code '0'} for a regular file
     */
    public char flag() {
      return flag;
    }

    /**
     * Whether a header of this type is never followed by content, whatever its size field says.
     *
     * @return true for links, devices, directories and FIFOs
     */
    public boolean isHeaderOnly() {
      return this != REGULAR && this != GLOBAL_PAX_HEADER;
    }
  }

  /** Refuses nulls, negative sizes and content on header-only types; copies the PAX records. */
  public TarEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(modTime, "modTime");
    Objects.requireNonNull(linkName, "linkName");
    if (size < 0) {
      throw new IllegalArgumentException("tar entry \"" + name + "\" has a negative size " + size);
    }
    if (size != 0 && type.isHeaderOnly()) {
      throw new IllegalArgumentException(
          "tar entry \"" + name + "\" of type " + type + " cannot have content");
    }
    paxRecords =
        paxRecords.isEmpty()
            ? NO_PAX
            : Collections.unmodifiableSortedMap(new TreeMap<>(paxRecords));
  }

  /**
   * A builder for an entry with mode 0644 (0755 for a directory), owner 0:0, size 0, the epoch as
   * time and no link.
   *
   * @param name the path in the archive
   * @param type what the entry is
   * @return a new builder
   */
  public static Builder builder(String name, Type type) {
    return new Builder(name, type);
  }

  /**
   * A builder holding this entry's fields.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether this is a directory.
   *
   * @return true for {@link Type#DIRECTORY}
   */
  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }

  /**
   * Whether this is a symbolic or hard link.
   *
   * @return true for {@link Type#SYMLINK} and {@link Type#HARD_LINK}
   */
  public boolean isLink() {
    return type == Type.SYMLINK || type == Type.HARD_LINK;
  }

  /**
   * A copy with the modification time and any PAX access and change times set to {@code t}.
   *
   * @param t the time
   * @return the changed copy
   */
  public TarEntry withTimes(Instant t) {
    Builder b = toBuilder().modTime(t);
    for (String key : new String[] {TarPax.ACCESS_TIME, TarPax.CHANGE_TIME}) {
      if (paxRecords.containsKey(key)) {
        b.paxRecord(key, TarPax.formatTime(t));
      }
    }
    return b.build();
  }

  /** Collects the fields of a {@link TarEntry}. */
  public static final class Builder {
    private String name;
    private Type type;
    private long mode;
    private long uid;
    private long gid;
    private String userName = "";
    private String groupName = "";
    private long size;
    private Instant modTime = Instant.EPOCH;
    private String linkName = "";
    private long devMajor;
    private long devMinor;
    private final Map<String, String> paxRecords = new TreeMap<>();

    private Builder(String name, Type type) {
      this.name = name;
      this.type = type;
      this.mode = type == Type.DIRECTORY ? 0755 : 0644;
    }

    private Builder(TarEntry e) {
      this(e.name, e.type);
      mode = e.mode;
      uid = e.uid;
      gid = e.gid;
      userName = e.userName;
      groupName = e.groupName;
      size = e.size;
      modTime = e.modTime;
      linkName = e.linkName;
      devMajor = e.devMajor;
      devMinor = e.devMinor;
      paxRecords.putAll(e.paxRecords);
    }

    /**
     * Sets the path in the archive.
     *
     * @param name the path
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets what the entry is.
     *
     * @param type the type
     * @return this builder
     */
    public Builder type(Type type) {
      this.type = type;
      return this;
    }

    /**
     * Sets the permission and mode bits.
     *
     * @param mode the bits, for example {@code 0644}
     * @return this builder
     */
    public Builder mode(long mode) {
      this.mode = mode;
      return this;
    }

    /**
     * Sets the owner's ids.
     *
     * @param uid the user id
     * @param gid the group id
     * @return this builder
     */
    public Builder owner(long uid, long gid) {
      this.uid = uid;
      this.gid = gid;
      return this;
    }

    /**
     * Sets the owner's names ("" for none).
     *
     * @param userName the user name
     * @param groupName the group name
     * @return this builder
     */
    public Builder ownerNames(String userName, String groupName) {
      this.userName = userName;
      this.groupName = groupName;
      return this;
    }

    /**
     * Sets the number of content bytes.
     *
     * @param size the size
     * @return this builder
     */
    public Builder size(long size) {
      this.size = size;
      return this;
    }

    /**
     * Sets the modification time.
     *
     * @param modTime the time
     * @return this builder
     */
    public Builder modTime(Instant modTime) {
      this.modTime = modTime;
      return this;
    }

    /**
     * Sets the link target of a symbolic or hard link.
     *
     * @param linkName the target
     * @return this builder
     */
    public Builder linkName(String linkName) {
      this.linkName = linkName;
      return this;
    }

    /**
     * Sets the device numbers of a device entry.
     *
     * @param major the major number
     * @param minor the minor number
     * @return this builder
     */
    public Builder device(long major, long minor) {
      this.devMajor = major;
      this.devMinor = minor;
      return this;
    }

    /**
     * Adds a PAX record the other fields do not represent, such as an extended attribute.
     *
     * @param key the record key, for example {@code SCHILY.xattr.user.k}
     * @param value the record value
     * @return this builder
     */
    public Builder paxRecord(String key, String value) {
      paxRecords.put(key, value);
      return this;
    }

    /**
     * The entry.
     *
     * @return a new entry with the fields set so far
     * @throws IllegalArgumentException when the size is negative or a header-only type has one
     */
    public TarEntry build() {
      return new TarEntry(
          name,
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
  }
}
