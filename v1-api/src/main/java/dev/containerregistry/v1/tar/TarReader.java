package dev.containerregistry.v1.tar;

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
 * headers, PAX extended headers and GNU long names and links. Global PAX headers are returned as
 * entries of type {@link TarEntry.Type#GLOBAL_PAX_HEADER} for the caller to keep or drop.
 *
 * <p>Input is untrusted: a bad checksum, a negative size or one too large to skip, extended headers
 * of more than 1 MiB before one entry, GNU sparse files and unknown entry types are refused with a
 * {@link MalformedTarException}; an archive that ends inside an entry with an {@link EOFException}.
 */
public final class TarReader {

  private static final char TYPE_OLD_REGULAR = '\0';
  private static final char TYPE_CONTIGUOUS = '7';
  private static final char TYPE_PAX_LOCAL = 'x';
  private static final char TYPE_GNU_LONG_NAME = 'L';
  private static final char TYPE_GNU_LONG_LINK = 'K';
  private static final char TYPE_GNU_SPARSE = 'S';

  /** The largest size whose content and padding can still be skipped without overflow. */
  private static final long MAX_SIZE = Long.MAX_VALUE - (UstarBlock.SIZE - 1);

  private final InputStream in;
  private final String archive;
  private long remaining;
  private int padding;
  private boolean ended;
  private String lastName = "(first entry)";

  /**
   * A reader of {@code in}.
   *
   * @param in the uncompressed tar; not closed here
   * @param archive what the archive is, for messages (for example a layer digest)
   */
  public TarReader(InputStream in, String archive) {
    this.in = in;
    this.archive = archive;
  }

  /**
   * The next entry's header; skips the content of the previous entry that was not read.
   *
   * @return the header, or null at the end of the archive
   * @throws MalformedTarException when the archive is not well formed
   * @throws IOException when reading fails or the archive is truncated
   */
  public @Nullable TarEntry next() throws IOException {
    if (ended) {
      return null;
    }
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    Map<String, String> pax = new HashMap<>();
    long extendedBytes = 0;
    while (true) {
      byte[] block = readBlock();
      if (block == null) {
        ended = true;
        return null;
      }
      char type = (char) (block[UstarBlock.TYPE_FLAG] & 0xff);
      long size = size(number(block, UstarBlock.FILE_SIZE, "size"), lastName);
      if (type == TYPE_PAX_LOCAL || type == TYPE_GNU_LONG_NAME || type == TYPE_GNU_LONG_LINK) {
        extendedBytes += size;
        if (extendedBytes > TarPax.MAX_HEADER_BYTES) {
          throw new MalformedTarException(
              after()
                  + ": the extended headers of the next entry exceed "
                  + TarPax.MAX_HEADER_BYTES
                  + " bytes");
        }
        byte[] content = extendedContent((int) size);
        if (type == TYPE_PAX_LOCAL) {
          pax.putAll(TarPax.parse(content, lastName));
        } else {
          pax.putIfAbsent(
              type == TYPE_GNU_LONG_NAME ? TarPax.PATH : TarPax.LINK_PATH, cString(content));
        }
      } else {
        TarEntry entry = entry(block, type, size, pax);
        lastName = entry.name();
        remaining = entry.size();
        padding = UstarBlock.padding(remaining);
        return entry;
      }
    }
  }

  /**
   * The content of the entry {@link #next()} returned last; reading it advances the archive. The
   * stream ends after the entry's last byte; closing it does nothing.
   *
   * @return the content
   */
  public InputStream content() {
    return new BulkInputStream() {
      @Override
      int readSome(byte[] b, int off, int len) throws IOException {
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

  private TarEntry entry(byte[] block, char flag, long headerSize, Map<String, String> pax)
      throws IOException {
    String name = pax.containsKey(TarPax.PATH) ? pax.remove(TarPax.PATH) : headerName(block);
    if (flag == TYPE_GNU_SPARSE
        || pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse."))) {
      throw new MalformedTarException(where(name) + ": GNU sparse files are not supported");
    }
    TarEntry.Type type = type(flag, name);
    String link =
        pax.containsKey(TarPax.LINK_PATH)
            ? pax.remove(TarPax.LINK_PATH)
            : UstarBlock.string(block, UstarBlock.LINK_NAME);
    String paxSize = pax.remove(TarPax.SIZE);
    long size = paxSize != null ? size(decimal(paxSize, name), name) : headerSize;
    String uid = pax.remove(TarPax.UID);
    String gid = pax.remove(TarPax.GID);
    String userName = pax.remove(TarPax.USER_NAME);
    String groupName = pax.remove(TarPax.GROUP_NAME);
    String modTime = pax.remove(TarPax.MOD_TIME);
    return new TarEntry(
        name,
        type,
        number(block, UstarBlock.MODE, "mode"),
        uid != null ? decimal(uid, name) : number(block, UstarBlock.UID, "uid"),
        gid != null ? decimal(gid, name) : number(block, UstarBlock.GID, "gid"),
        userName != null ? userName : UstarBlock.string(block, UstarBlock.USER_NAME),
        groupName != null ? groupName : UstarBlock.string(block, UstarBlock.GROUP_NAME),
        type.isHeaderOnly() ? 0 : size,
        modTime != null
            ? TarPax.parseTime(modTime, name)
            : Instant.ofEpochSecond(number(block, UstarBlock.MOD_TIME, "mtime")),
        link,
        number(block, UstarBlock.DEV_MAJOR, "devmajor"),
        number(block, UstarBlock.DEV_MINOR, "devminor"),
        new TreeMap<>(pax));
  }

  private TarEntry.Type type(char flag, String name) throws MalformedTarException {
    if (flag == TYPE_OLD_REGULAR || flag == TYPE_CONTIGUOUS) {
      return name.endsWith("/") ? TarEntry.Type.DIRECTORY : TarEntry.Type.REGULAR;
    }
    for (TarEntry.Type t : TarEntry.Type.values()) {
      if (t.flag() == flag) {
        return t == TarEntry.Type.REGULAR && name.endsWith("/") ? TarEntry.Type.DIRECTORY : t;
      }
    }
    throw new MalformedTarException(
        where(name) + ": the entry type '" + flag + "' (" + (int) flag + ") is not supported");
  }

  /** Refuses a size that is negative or whose content and padding cannot be skipped. */
  private long size(long size, String name) throws MalformedTarException {
    if (size < 0 || size > MAX_SIZE) {
      throw new MalformedTarException(where(name) + ": the entry size " + size + " is impossible");
    }
    return size;
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
      throw new MalformedTarException(where(lastName) + ": a zero block is followed by data");
    }
    long stored = number(block, UstarBlock.CHECKSUM, "checksum");
    if (stored != UstarBlock.checksum(block) && stored != UstarBlock.signedChecksum(block)) {
      throw new MalformedTarException(
          after() + ": a header checksum does not match; is this a tar archive?");
    }
    return block;
  }

  private byte[] extendedContent(int size) throws IOException {
    byte[] content = in.readNBytes(size);
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
      throw new MalformedTarException(after() + ": the " + what + " field is not a number", e);
    }
  }

  private long decimal(String value, String name) throws IOException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new MalformedTarException(
          where(name) + ": the PAX value \"" + value + "\" is not a number", e);
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

  private String after() {
    return "reading tar " + archive + " after entry \"" + lastName + "\"";
  }

  private EOFException truncated() {
    return new EOFException(where(lastName) + ": the archive ends in the middle of an entry");
  }
}
