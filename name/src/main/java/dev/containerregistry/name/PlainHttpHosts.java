package dev.containerregistry.name;

/**
 * The registries that are spoken to over plain HTTP even without {@link NameOption#insecure()}:
 *
 * <ul>
 *   <li>{@code localhost:PORT} (but not bare {@code localhost});
 *   <li>any name ending in {@code .localhost}, optionally with a port of 1 to 5 digits;
 *   <li>{@code 127.0.0.1}, {@code ::1} and {@code [::1]}, the last two optionally with such a port
 *       ({@code ::1} without one);
 *   <li>an IPv4 address in the private ranges of RFC 1918 ({@code 10.0.0.0/8}, {@code
 *       172.16.0.0/12}, {@code 192.168.0.0/16}), with or without a port.
 * </ul>
 *
 * Every other registry, including {@code *.local} names, uses HTTPS.
 */
final class PlainHttpHosts {

  private static final int MAX_PORT_DIGITS = 5;

  private PlainHttpHosts() {}

  static boolean contains(String registry) {
    return registry.startsWith("localhost:")
        || isLocalhostSubdomain(registry)
        || hasOptionalPort(registry, "127.0.0.1")
        || registry.equals("::1")
        || hasOptionalPort(registry, "[::1]")
        || isPrivateIpv4(registry);
  }

  private static boolean isLocalhostSubdomain(String registry) {
    String suffix = ".localhost";
    if (registry.endsWith(suffix)) {
      return true;
    }
    int colon = registry.lastIndexOf(':');
    return colon >= 0
        && isShortPort(registry, colon + 1)
        && registry.startsWith(suffix, colon - suffix.length());
  }

  /** Whether {@code registry} is {@code host}, or {@code host:} followed by a short port. */
  private static boolean hasOptionalPort(String registry, String host) {
    if (!registry.startsWith(host)) {
      return false;
    }
    return registry.length() == host.length()
        || (registry.charAt(host.length()) == ':' && isShortPort(registry, host.length() + 1));
  }

  /** Whether the rest of {@code s} from {@code from} on is 1 to 5 ASCII digits. */
  private static boolean isShortPort(String s, int from) {
    int length = s.length() - from;
    if (length < 1 || length > MAX_PORT_DIGITS) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Looks at what precedes the first colon, as the reference design does. */
  private static boolean isPrivateIpv4(String registry) {
    int colon = registry.indexOf(':');
    long address = Ipv4.parse(colon < 0 ? registry : registry.substring(0, colon));
    if (address < 0) {
      return false;
    }
    return address >>> 24 == 10 || address >>> 20 == 0xAC1 || address >>> 16 == 0xC0A8;
  }
}
