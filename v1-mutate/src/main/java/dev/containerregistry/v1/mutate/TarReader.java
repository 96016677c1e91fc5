package dev.containerregistry.v1.mutate;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a tar archive entry by entry from a stream, without buffering content: ustar and V7
 * headers, PAX extended headers and GNU long names and links. GNU sparse files are refused. Global
 * PAX headers are returned as entries of type {@code 'g'} for the caller to keep or drop.
 */
final class TarReader {

  private static final char TYPE_OLD_REGULAR = '\0';
  private static final char TYPE_PAX_LOCAL = 'x';
  private static final char TYPE_GNU_LONG_NAME = 'L';
  private static final char TYPE_GNU_LONG_LINK = 'K';
  private static final char TYPE_GNU_SPARSE = 'S';
  private static final int MAX_META_SIZE = 1 << 20;

  private final InputStream in;
  private final String archive;
  private long remaining;
  private int padding;
  private boolean ended;
  private String lastName = "(first entry)";

  /**
   * @param in the uncompressed tar; not closed here
   * @param archive what the archive is, for messages (for example a layer digest)
   */
  TarReader(InputStream in, String archive) {
    this.in = in;
    this.archive = archive;
  }

  /** The next entry's header, or null at the end of the archive; skips unread content. */
  @Nullable TarEntry next() throws IOException {
    if (ended) {
      return null;
    }
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    Map<String, String> pax = new HashMap<>();
    while (true) {
      byte[] block = readBlock();
      if (block == null) {
        ended = true;
        return null;
      }
      char type = (char) (block[UstarBlock.TYPE_FLAG] & 0xff);
      long size = number(block, UstarBlock.FILE_SIZE, "size");
      if (type == TYPE_PAX_LOCAL) {
        pax.putAll(TarPax.parse(meta(size), lastName));
      } else if (type == TYPE_GNU_LONG_NAME) {
        pax.putIfAbsent(TarPax.PATH, cString(meta(size)));
      } else if (type == TYPE_GNU_LONG_LINK) {
        pax.putIfAbsent(TarPax.LINK_PATH, cString(meta(size)));
      } else {
        TarEntry entry = entry(block, type, size, pax);
        lastName = entry.name();
        remaining = entry.size();
        padding = UstarBlock.padding(remaining);
        return entry;
      }
    }
  }

  /** The content of the entry {@link #next()} returned last; reading it advances the archive. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw truncated();
        }
        remaining -= n;
        return n;
      }
    };
  }

  private TarEntry entry(byte[] block, char type, long headerSize, Map<String, String> pax)
      throws IOException {
    String name = pax.containsKey(TarPax.PATH) ? pax.remove(TarPax.PATH) : headerName(block);
    char effectiveType = type == TYPE_OLD_REGULAR ? TarEntry.TYPE_REGULAR : type;
    if (effectiveType == TYPE_GNU_SPARSE
        || pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse."))) {
      throw new IOException(where(name) + ": GNU sparse files are not supported");
    }
    if (effectiveType == TarEntry.TYPE_REGULAR && name.endsWith("/")) {
      effectiveType = TarEntry.TYPE_DIRECTORY;
    }
    String link =
        pax.containsKey(TarPax.LINK_PATH)
            ? pax.remove(TarPax.LINK_PATH)
            : UstarBlock.string(block, UstarBlock.LINK_NAME);
    String paxSize = pax.remove(TarPax.SIZE);
    long size = paxSize != null ? decimal(paxSize, name) : headerSize;
    String uid = pax.remove(TarPax.UID);
    String gid = pax.remove(TarPax.GID);
    String userName = pax.remove(TarPax.USER_NAME);
    String groupName = pax.remove(TarPax.GROUP_NAME);
    String modTime = pax.remove(TarPax.MOD_TIME);
    return new TarEntry(
        name,
        effectiveType,
        number(block, UstarBlock.MODE, "mode"),
        uid != null ? decimal(uid, name) : number(block, UstarBlock.UID, "uid"),
        gid != null ? decimal(gid, name) : number(block, UstarBlock.GID, "gid"),
        userName != null ? userName : UstarBlock.string(block, UstarBlock.USER_NAME),
        groupName != null ? groupName : UstarBlock.string(block, UstarBlock.GROUP_NAME),
        TarEntry.isHeaderOnly(effectiveType) ? 0 : size,
        modTime != null
            ? TarPax.parseTime(modTime, name)
            : Instant.ofEpochSecond(number(block, UstarBlock.MOD_TIME, "mtime")),
        link,
        number(block, UstarBlock.DEV_MAJOR, "devmajor"),
        number(block, UstarBlock.DEV_MINOR, "devminor"),
        new TreeMap<>(pax));
  }

  private String headerName(byte[] block) {
    String name = UstarBlock.string(block, UstarBlock.NAME);
    boolean posix =
        UstarBlock.USTAR_MAGIC.equals(
            new String(
                block,
                UstarBlock.MAGIC.offset(),
                UstarBlock.MAGIC.length(),
                StandardCharsets.US_ASCII));
    String prefix = posix ? UstarBlock.string(block, UstarBlock.PREFIX) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** One header block; null at the end-of-archive marker or at a clean end of the stream. */
  private byte @Nullable [] readBlock() throws IOException {
    byte[] block = new byte[UstarBlock.SIZE];
    int n = in.readNBytes(block, 0, block.length);
    if (n == 0) {
      return null;
    }
    if (n < block.length) {
      throw truncated();
    }
    if (isZero(block)) {
      byte[] second = new byte[UstarBlock.SIZE];
      int m = in.readNBytes(second, 0, second.length);
      if (m == 0 || (m == second.length && isZero(second))) {
        return null;
      }
      throw new IOException(where(lastName) + ": a zero block is followed by data");
    }
    long stored = number(block, UstarBlock.CHECKSUM, "checksum");
    if (stored != UstarBlock.checksum(block) && stored != UstarBlock.signedChecksum(block)) {
      throw new IOException(
          "reading tar "
              + archive
              + " after entry \""
              + lastName
              + "\": a header checksum does not match; is this a tar archive?");
    }
    return block;
  }

  private byte[] meta(long size) throws IOException {
    if (size > MAX_META_SIZE) {
      throw new IOException(
          where(lastName) + ": an extended header of " + size + " bytes is too large");
    }
    byte[] content = in.readNBytes((int) size);
    if (content.length < size) {
      throw truncated();
    }
    skip(UstarBlock.padding(size));
    return content;
  }

  private long number(byte[] block, UstarBlock.Field field, String what) throws IOException {
    try {
      return UstarBlock.number(block, field);
    } catch (NumberFormatException e) {
      throw new IOException(
          "reading tar "
              + archive
              + " after entry \""
              + lastName
              + "\": the "
              + what
              + " field is not a number",
          e);
    }
  }

  private long decimal(String value, String name) throws IOException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IOException(where(name) + ": the PAX value \"" + value + "\" is not a number", e);
    }
  }

  private void skip(long n) throws IOException {
    try {
      in.skipNBytes(n);
    } catch (EOFException e) {
      throw truncated();
    }
  }

  private static String cString(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private String where(String name) {
    return "reading tar " + archive + " at entry \"" + name + "\"";
  }

  private EOFException truncated() {
    return new EOFException(where(lastName) + ": the archive ends in the middle of an entry");
  }
}
