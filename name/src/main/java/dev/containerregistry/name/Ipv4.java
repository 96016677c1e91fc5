package dev.containerregistry.name;

/**
 * Reads a dotted-decimal IPv4 address: exactly four decimal fields from 0 to 255, without leading
 * zeros, signs or spaces.
 */
final class Ipv4 {

  private static final int FIELDS = 4;

  private Ipv4() {}

  /** The address as an unsigned 32-bit number, or -1 when {@code s} is not an IPv4 address. */
  static long parse(String s) {
    long address = 0;
    int start = 0;
    for (int field = 0; field < FIELDS; field++) {
      int end = field < FIELDS - 1 ? s.indexOf('.', start) : s.length();
      int value = end < 0 ? -1 : field(s, start, end);
      if (value < 0) {
        return -1;
      }
      address = address << 8 | value;
      start = end + 1;
    }
    return address;
  }

  /** The value of the digits {@code s[start, end)}, or -1 when they are not a valid field. */
  private static int field(String s, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 3 || (length > 1 && s.charAt(start) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }
}
