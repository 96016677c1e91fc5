package dev.containerregistry.v1.tar;

import dev.containerregistry.v1.ConfigFile;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a {@link TarEntry} as the header blocks that precede its content: a ustar header,
 * preceded by a PAX extended header when a value does not fit ustar (a long or non-ASCII name or
 * link, a large size or id, a time outside ustar's range or with a fraction of a second) or when
 * the entry carries other PAX records. Go's zero time (year 1) is written as 0, as Go does.
 */
final class TarHeaderEncoder {

  private static final char TYPE_PAX_LOCAL = 'x';
  private static final String PAX_DIRECTORY = "PaxHeaders.0";

  private TarHeaderEncoder() {}

  /** The header bytes of {@code entry}, a multiple of 512 bytes. */
  static byte[] encode(TarEntry entry) {
    Map<String, String> pax = new TreeMap<>(entry.paxRecords());
    String[] nameAndPrefix = splitName(entry.name());
    if (nameAndPrefix == null) {
      pax.put(TarPax.PATH, entry.name());
      nameAndPrefix = new String[] {asciiPrefix(entry.name(), UstarBlock.NAME.length()), ""};
    }
    String linkName = fitOrPax(pax, TarPax.LINK_PATH, entry.linkName(), UstarBlock.LINK_NAME);
    String userName = fitOrPax(pax, TarPax.USER_NAME, entry.userName(), UstarBlock.USER_NAME);
    String groupName = fitOrPax(pax, TarPax.GROUP_NAME, entry.groupName(), UstarBlock.GROUP_NAME);
    long uid = numberOrPax(pax, TarPax.UID, entry.uid(), UstarBlock.UID);
    long gid = numberOrPax(pax, TarPax.GID, entry.gid(), UstarBlock.GID);
    long size = numberOrPax(pax, TarPax.SIZE, entry.size(), UstarBlock.FILE_SIZE);
    long modTime = modTime(pax, entry.modTime());

    byte[] block =
        ustar(
            nameAndPrefix,
            entry.type().flag(),
            entry.mode() & UstarBlock.MODE.maxOctal(),
            new long[] {uid, gid, size, modTime},
            new String[] {linkName, userName, groupName},
            deviceNumber(entry.devMajor()),
            deviceNumber(entry.devMinor()));
    if (pax.isEmpty()) {
      return block;
    }
    byte[] records = TarPax.encode(pax);
    if (records.length > TarPax.MAX_HEADER_BYTES) {
      throw new IllegalArgumentException(
          "the PAX records of tar entry \""
              + entry.name()
              + "\" take "
              + records.length
              + " bytes, more than the "
              + TarPax.MAX_HEADER_BYTES
              + " a reader accepts");
    }
    byte[] paxBlock =
        ustar(
            new String[] {paxName(nameAndPrefix), ""},
            TYPE_PAX_LOCAL,
            0644,
            new long[] {0, 0, records.length, 0},
            new String[] {"", "", ""},
            0,
            0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(paxBlock);
    out.writeBytes(records);
    out.writeBytes(new byte[UstarBlock.padding(records.length)]);
    out.writeBytes(block);
    return out.toByteArray();
  }

  /**
   * One ustar block.
   *
   * @param numbers uid, gid, size and modification time, each within its field
   * @param strings link name, user name and group name, each within its field
   */
  private static byte[] ustar(
      String[] nameAndPrefix,
      char flag,
      long mode,
      long[] numbers,
      String[] strings,
      long devMajor,
      long devMinor) {
    byte[] block = new byte[UstarBlock.SIZE];
    UstarBlock.putString(block, UstarBlock.NAME, nameAndPrefix[0]);
    UstarBlock.putOctal(block, UstarBlock.MODE, mode);
    UstarBlock.putOctal(block, UstarBlock.UID, numbers[0]);
    UstarBlock.putOctal(block, UstarBlock.GID, numbers[1]);
    UstarBlock.putOctal(block, UstarBlock.FILE_SIZE, numbers[2]);
    UstarBlock.putOctal(block, UstarBlock.MOD_TIME, numbers[3]);
    block[UstarBlock.TYPE_FLAG] = (byte) flag;
    UstarBlock.putString(block, UstarBlock.LINK_NAME, strings[0]);
    UstarBlock.putString(block, UstarBlock.MAGIC, UstarBlock.USTAR_MAGIC);
    UstarBlock.putString(block, UstarBlock.VERSION, UstarBlock.USTAR_VERSION);
    UstarBlock.putString(block, UstarBlock.USER_NAME, strings[1]);
    UstarBlock.putString(block, UstarBlock.GROUP_NAME, strings[2]);
    UstarBlock.putOctal(block, UstarBlock.DEV_MAJOR, devMajor);
    UstarBlock.putOctal(block, UstarBlock.DEV_MINOR, devMinor);
    UstarBlock.putString(block, UstarBlock.PREFIX, nameAndPrefix[1]);
    UstarBlock.putChecksum(block);
    return block;
  }

  /** {name, prefix} for ustar, or null when the name needs a PAX record. */
  private static String @Nullable [] splitName(String name) {
    if (!isAscii(name)) {
      return null;
    }
    if (name.length() <= UstarBlock.NAME.length()) {
      return new String[] {name, ""};
    }
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      String prefix = name.substring(0, slash);
      String rest = name.substring(slash + 1);
      if (prefix.length() <= UstarBlock.PREFIX.length()
          && !rest.isEmpty()
          && rest.length() <= UstarBlock.NAME.length()) {
        return new String[] {rest, prefix};
      }
    }
    return null;
  }

  private static String fitOrPax(
      Map<String, String> pax, String key, String value, UstarBlock.Field field) {
    if (isAscii(value) && value.length() <= field.length()) {
      return value;
    }
    pax.put(key, value);
    return asciiPrefix(value, field.length());
  }

  private static long numberOrPax(
      Map<String, String> pax, String key, long value, UstarBlock.Field field) {
    if (value >= 0 && value <= field.maxOctal()) {
      return value;
    }
    pax.put(key, Long.toString(value));
    return 0;
  }

  private static long modTime(Map<String, String> pax, Instant t) {
    if (t.equals(ConfigFile.ZERO_TIME)) {
      return 0;
    }
    long seconds = t.getEpochSecond();
    if (t.getNano() != 0 || seconds < 0 || seconds > UstarBlock.MOD_TIME.maxOctal()) {
      pax.put(TarPax.MOD_TIME, TarPax.formatTime(t));
    }
    return Math.max(0, Math.min(seconds, UstarBlock.MOD_TIME.maxOctal()));
  }

  private static long deviceNumber(long n) {
    if (n < 0 || n > UstarBlock.DEV_MAJOR.maxOctal()) {
      throw new IllegalArgumentException(
          "a tar device number must lie in 0.." + UstarBlock.DEV_MAJOR.maxOctal() + ", got " + n);
    }
    return n;
  }

  /** Where the PAX header is named, as Go names it: {@code dir/PaxHeaders.0/base}. */
  private static String paxName(String[] nameAndPrefix) {
    String name =
        nameAndPrefix[1].isEmpty() ? nameAndPrefix[0] : nameAndPrefix[1] + "/" + nameAndPrefix[0];
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    int slash = trimmed.lastIndexOf('/');
    String dir = slash < 0 ? "" : trimmed.substring(0, slash + 1);
    String base = trimmed.substring(slash + 1);
    return asciiPrefix(dir + PAX_DIRECTORY + "/" + base, UstarBlock.NAME.length());
  }

  private static String asciiPrefix(String s, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < max; i++) {
      char c = s.charAt(i);
      out.append(c < 0x80 ? c : '_');
    }
    return out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0 || c >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
