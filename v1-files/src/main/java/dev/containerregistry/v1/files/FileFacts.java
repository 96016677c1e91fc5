package dev.containerregistry.v1.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the file system says about one path, read without following a final symbolic link.
 *
 * @param kind what the path is
 * @param mode the permission bits with setuid, setgid and sticky (07777)
 * @param size the size in bytes of a regular file
 * @param modified the modification time
 * @param fileKey what identifies the file (device and inode on Unix), null where unknown
 */
record FileFacts(Kind kind, int mode, long size, FileTime modified, @Nullable Object fileKey) {

  /** The kinds of file the file system knows. */
  enum Kind {
    REGULAR("regular file"),
    DIRECTORY("directory"),
    SYMLINK("symbolic link"),
    SOCKET("socket"),
    CHAR_DEVICE("character device"),
    BLOCK_DEVICE("block device"),
    FIFO("named pipe"),
    OTHER("special file");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** A name for messages: "socket", "named pipe". */
    String description() {
      return description;
    }
  }

  private static final int TYPE_MASK = 0170000;
  private static final List<PosixFilePermission> PERMISSION_ORDER =
      List.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  /**
   * The facts of {@code path}, not following it if it is a link.
   *
   * @throws IOException naming the path, when it cannot be read
   */
  static FileFacts of(Path path) throws IOException {
    try {
      return ofUnix(path);
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return ofPortable(path);
    }
  }

  /**
   * Reads the mode alone through the "unix" view and the rest as basic attributes: two calls, but
   * far less garbage than one map of four named attributes, for every entry of a tree.
   */
  private static FileFacts ofUnix(Path path) throws IOException {
    Object modeAttribute =
        Files.readAttributes(path, "unix:mode", LinkOption.NOFOLLOW_LINKS).get("mode");
    if (!(modeAttribute instanceof Integer mode)) {
      throw new IOException("reading the attributes of " + path + " gave no mode");
    }
    BasicFileAttributes basic =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return new FileFacts(
        unixKind(mode), mode & 07777, basic.size(), basic.lastModifiedTime(), basic.fileKey());
  }

  /** The kind of file the type bits of a Unix mode name. */
  private static Kind unixKind(int mode) {
    return switch (mode & TYPE_MASK) {
      case 0100000 -> Kind.REGULAR;
      case 0040000 -> Kind.DIRECTORY;
      case 0120000 -> Kind.SYMLINK;
      case 0140000 -> Kind.SOCKET;
      case 0020000 -> Kind.CHAR_DEVICE;
      case 0060000 -> Kind.BLOCK_DEVICE;
      case 0010000 -> Kind.FIFO;
      default -> Kind.OTHER;
    };
  }

  private static FileFacts ofPortable(Path path) throws IOException {
    BasicFileAttributes basic =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Kind kind =
        basic.isSymbolicLink()
            ? Kind.SYMLINK
            : basic.isDirectory()
                ? Kind.DIRECTORY
                : basic.isRegularFile() ? Kind.REGULAR : Kind.OTHER;
    int mode = kind == Kind.DIRECTORY || Files.isExecutable(path) ? 0755 : 0644;
    try {
      PosixFileAttributes posix =
          Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Set<PosixFilePermission> bits = posix.permissions();
      mode = 0;
      for (int i = 0; i < PERMISSION_ORDER.size(); i++) {
        if (bits.contains(PERMISSION_ORDER.get(i))) {
          mode |= 0400 >> i;
        }
      }
    } catch (UnsupportedOperationException noPosix) {
      // Keeps the executable-bit guess above.
    }
    return new FileFacts(kind, mode, basic.size(), basic.lastModifiedTime(), basic.fileKey());
  }
}
