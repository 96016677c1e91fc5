package dev.containerregistry.v1.tar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PAX extended header records ({@code "<length> <key>=<value>\n"}, POSIX.1-2001): parsing, encoding
 * and the decimal time format they use.
 */
final class TarPax {

  static final String PATH = "path";
  static final String LINK_PATH = "linkpath";
  static final String SIZE = "size";
  static final String UID = "uid";
  static final String GID = "gid";
  static final String USER_NAME = "uname";
  static final String GROUP_NAME = "gname";
  static final String MOD_TIME = "mtime";
  static final String ACCESS_TIME = "atime";
  static final String CHANGE_TIME = "ctime";

  /** The most bytes of extended-header content (PAX records, GNU long names) before one entry. */
  static final int MAX_HEADER_BYTES = 1 << 20;

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private TarPax() {}

  /** The records of a PAX header's content, in order; a later duplicate key wins. */
  static Map<String, String> parse(byte[] content, String entryName) throws IOException {
    Map<String, String> records = new LinkedHashMap<>();
    int pos = 0;
    while (pos < content.length) {
      int space = indexOf(content, (byte) ' ', pos);
      if (space < 0) {
        throw malformed(entryName, "a record has no length");
      }
      int length;
      try {
        length = Integer.parseInt(new String(content, pos, space - pos, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw malformed(entryName, "a record length is not a number");
      }
      int end = pos + length;
      if (length <= space - pos + 1 || end > content.length || content[end - 1] != '\n') {
        throw malformed(entryName, "a record length does not match its content");
      }
      String record = new String(content, space + 1, end - space - 2, StandardCharsets.UTF_8);
      int equals = record.indexOf('=');
      if (equals <= 0) {
        throw malformed(entryName, "a record has no key: \"" + record + "\"");
      }
      records.put(record.substring(0, equals), record.substring(equals + 1));
      pos = end;
    }
    return records;
  }

  /** The content of a PAX header holding {@code records}, in their iteration order. */
  static byte[] encode(Map<String, String> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    records.forEach(
        (key, value) -> {
          byte[] body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
          int length = body.length + 1;
          while (Integer.toString(length).length() + body.length != length) {
            length++;
          }
          out.writeBytes(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
          out.writeBytes(body);
        });
    return out.toByteArray();
  }

  /** Seconds since the epoch with an optional decimal fraction, as PAX writes times. */
  static String formatTime(Instant t) {
    BigDecimal seconds =
        BigDecimal.valueOf(t.getEpochSecond())
            .add(BigDecimal.valueOf(t.getNano()).divide(NANOS_PER_SECOND));
    return seconds.stripTrailingZeros().toPlainString();
  }

  /** Reads a PAX time; more than nanosecond precision is truncated. */
  static Instant parseTime(String value, String entryName) throws IOException {
    try {
      BigInteger nanos = new BigDecimal(value).multiply(NANOS_PER_SECOND).toBigInteger();
      BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND.toBigInteger());
      return Instant.ofEpochSecond(
          secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      throw malformed(entryName, "the time \"" + value + "\" is not a decimal number of seconds");
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static IOException malformed(String entryName, String why) {
    return new MalformedTarException(
        "reading the PAX header of tar entry \"" + entryName + "\": " + why);
  }
}
