package dev.containerregistry.name;

/**
 * Decides whether a string is a URI authority of the form {@code host[:port]} (RFC 3986 section
 * 3.2) with the same leniency as the reference design, which accepts a registry when a URL parser
 * reads {@code "//" + name} back with exactly {@code name} as its host:
 *
 * <ul>
 *   <li>no control characters, and none of {@code / ? # @ %} (they would end the host, start user
 *       information or be unescaped into something else);
 *   <li>other ASCII characters are letters, digits, {@code - . _ ~}, the sub-delimiters {@code ! $
 *       & ' ( ) * + , ; =}, and {@code : [ ] < > "}; characters beyond ASCII are allowed;
 *   <li>a host starting with {@code [} has a closing {@code ]} followed by an optional port;
 *       otherwise whatever follows the last {@code :} is an optional port;
 *   <li>a port is a colon followed by zero or more ASCII digits.
 * </ul>
 *
 * The empty string is a valid (empty) authority. Unbracketed hosts with several colons, such as
 * {@code ::1}, are accepted as the reference design accepts them.
 */
final class Authority {

  private static final String PUNCTUATION_ALLOWED = "-._~!$&'()*+,;=:[]<>\"";

  private Authority() {}

  static boolean isValid(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (!isAllowed(name.charAt(i))) {
        return false;
      }
    }
    if (name.startsWith("[")) {
      int close = name.lastIndexOf(']');
      return close >= 0 && isOptionalPort(name, close + 1);
    }
    int colon = name.lastIndexOf(':');
    return colon < 0 || isOptionalPort(name, colon);
  }

  private static boolean isAllowed(char c) {
    return c >= 0x80
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || PUNCTUATION_ALLOWED.indexOf(c) >= 0;
  }

  /** Whether {@code name} from {@code from} on is empty or a colon followed only by digits. */
  private static boolean isOptionalPort(String name, int from) {
    if (from == name.length()) {
      return true;
    }
    if (name.charAt(from) != ':') {
      return false;
    }
    for (int i = from + 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
