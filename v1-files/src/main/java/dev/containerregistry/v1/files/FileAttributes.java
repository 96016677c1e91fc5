package dev.containerregistry.v1.files;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Attributes to write for entries of a {@link FileLayer}: modes, owner and modification time. Each
 * is optional; an unset one falls back to the layer's defaults ({@link
 * FileLayer.Builder#defaults(FileAttributes)}) and then to the documented built-in value. Build one
 * with {@link #builder()}:
 *
 * <pre>{@code
 * FileAttributes app = FileAttributes.builder().owner(1000, 1000).fileMode(0755).build();
 * }</pre>
 */
public final class FileAttributes {

  /** Attributes with nothing set: every value falls back. */
  public static final FileAttributes NONE = builder().build();

  private final @Nullable Integer fileMode;
  private final @Nullable Integer directoryMode;
  private final @Nullable Integer uid;
  private final @Nullable Integer gid;
  private final @Nullable String userName;
  private final @Nullable String groupName;
  private final @Nullable Instant modificationTime;

  private FileAttributes(Builder b) {
    this.fileMode = b.fileMode;
    this.directoryMode = b.directoryMode;
    this.uid = b.uid;
    this.gid = b.gid;
    this.userName = b.userName;
    this.groupName = b.groupName;
    this.modificationTime = b.modificationTime;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The permission bits of regular files, if set. */
  public OptionalInt fileMode() {
    return fileMode == null ? OptionalInt.empty() : OptionalInt.of(fileMode);
  }

  /** The permission bits of directories, if set. */
  public OptionalInt directoryMode() {
    return directoryMode == null ? OptionalInt.empty() : OptionalInt.of(directoryMode);
  }

  /** The owner's user id, if set. */
  public OptionalInt uid() {
    return uid == null ? OptionalInt.empty() : OptionalInt.of(uid);
  }

  /** The owner's group id, if set. */
  public OptionalInt gid() {
    return gid == null ? OptionalInt.empty() : OptionalInt.of(gid);
  }

  /** The owner's user name, if set. */
  public Optional<String> userName() {
    return Optional.ofNullable(userName);
  }

  /** The owner's group name, if set. */
  public Optional<String> groupName() {
    return Optional.ofNullable(groupName);
  }

  /** The modification time, if set. */
  public Optional<Instant> modificationTime() {
    return Optional.ofNullable(modificationTime);
  }

  /** These attributes where set, {@code fallback}'s elsewhere. */
  FileAttributes orElse(FileAttributes fallback) {
    Builder b = new Builder();
    b.fileMode = fileMode != null ? fileMode : fallback.fileMode;
    b.directoryMode = directoryMode != null ? directoryMode : fallback.directoryMode;
    b.uid = uid != null ? uid : fallback.uid;
    b.gid = gid != null ? gid : fallback.gid;
    b.userName = userName != null ? userName : fallback.userName;
    b.groupName = groupName != null ? groupName : fallback.groupName;
    b.modificationTime = modificationTime != null ? modificationTime : fallback.modificationTime;
    return new FileAttributes(b);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FileAttributes other
        && Objects.equals(fileMode, other.fileMode)
        && Objects.equals(directoryMode, other.directoryMode)
        && Objects.equals(uid, other.uid)
        && Objects.equals(gid, other.gid)
        && Objects.equals(userName, other.userName)
        && Objects.equals(groupName, other.groupName)
        && Objects.equals(modificationTime, other.modificationTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileMode, directoryMode, uid, gid, userName, groupName, modificationTime);
  }

  /** The set values, for logs. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FileAttributes[");
    if (fileMode != null) {
      s.append("fileMode=0").append(Integer.toOctalString(fileMode)).append(' ');
    }
    if (directoryMode != null) {
      s.append("directoryMode=0").append(Integer.toOctalString(directoryMode)).append(' ');
    }
    if (uid != null) {
      s.append("owner=").append(uid).append(':').append(gid).append(' ');
    }
    if (userName != null) {
      s.append("names=").append(userName).append(':').append(groupName).append(' ');
    }
    if (modificationTime != null) {
      s.append("time=").append(modificationTime).append(' ');
    }
    return s.toString().strip() + "]";
  }

  /** Sets attributes one at a time; each setter replaces an earlier value. */
  public static final class Builder {
    private static final int MAX_MODE = 07777;

    private @Nullable Integer fileMode;
    private @Nullable Integer directoryMode;
    private @Nullable Integer uid;
    private @Nullable Integer gid;
    private @Nullable String userName;
    private @Nullable String groupName;
    private @Nullable Instant modificationTime;

    private Builder() {}

    /**
     * The permission bits (with setuid, setgid and sticky) of regular files, 0 to 07777. Unset,
     * files read from disk keep their own bits and files from bytes get 0644.
     *
     * @throws IllegalArgumentException quoting the mode, when out of range
     */
    public Builder fileMode(int mode) {
      this.fileMode = checkMode(mode, "file");
      return this;
    }

    /**
     * The permission bits of directories, 0 to 07777. Unset, directories read from disk keep their
     * own bits and the others get 0755.
     *
     * @throws IllegalArgumentException quoting the mode, when out of range
     */
    public Builder directoryMode(int mode) {
      this.directoryMode = checkMode(mode, "directory");
      return this;
    }

    /**
     * The owner's numeric ids; unset, 0 and 0 (root), never the ids on the building machine.
     *
     * @throws IllegalArgumentException when an id is negative
     */
    public Builder owner(int uid, int gid) {
      if (uid < 0 || gid < 0) {
        throw new IllegalArgumentException(
            "owner ids must not be negative, got " + uid + ":" + gid);
      }
      this.uid = uid;
      this.gid = gid;
      return this;
    }

    /** The owner's names written beside the ids; unset, none are written. */
    public Builder ownerNames(String userName, String groupName) {
      this.userName = Objects.requireNonNull(userName, "userName");
      this.groupName = Objects.requireNonNull(groupName, "groupName");
      return this;
    }

    /** The modification time; unset, {@link FileLayer#DEFAULT_MODIFICATION_TIME}. */
    public Builder modificationTime(Instant time) {
      this.modificationTime = Objects.requireNonNull(time, "modificationTime");
      return this;
    }

    /** The attributes. */
    public FileAttributes build() {
      return new FileAttributes(this);
    }

    private static int checkMode(int mode, String what) {
      if (mode < 0 || mode > MAX_MODE) {
        throw new IllegalArgumentException(
            what + " mode must be between 0 and 07777, got 0" + Integer.toOctalString(mode));
      }
      return mode;
    }
  }
}
