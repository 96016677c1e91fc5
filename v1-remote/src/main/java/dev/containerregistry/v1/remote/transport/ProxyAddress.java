package dev.containerregistry.v1.remote.transport;

import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An http proxy given as a URL, {@code [http://][user:password@]host[:port]} (port 80 when absent,
 * as curl reads it), and the credentials in its user info, meant for that proxy only.
 *
 * @param host the proxy's host
 * @param port the proxy's port
 * @param credentials the user and password of the user info, if any
 */
record ProxyAddress(String host, int port, Optional<PasswordAuthentication> credentials) {

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when it is not an http URL with a host (the message never
   *     quotes the user info)
   */
  static ProxyAddress parse(String text) {
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri;
    try {
      uri = URI.create(withScheme.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the proxy URL is malformed: " + redacted(withScheme));
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the proxy URL must be http://[user:password@]host[:port], got " + redacted(withScheme));
    }
    return new ProxyAddress(
        uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), credentials(uri.getRawUserInfo()));
  }

  /** The proxy as the JDK names it. */
  Proxy proxy() {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  /** True when {@code address} is this proxy. */
  boolean is(String otherHost, int otherPort) {
    return host.equalsIgnoreCase(otherHost) && port == otherPort;
  }

  private static Optional<PasswordAuthentication> credentials(@Nullable String userInfo) {
    if (userInfo == null || userInfo.isEmpty()) {
      return Optional.empty();
    }
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
    String password = colon < 0 ? "" : userInfo.substring(colon + 1);
    return Optional.of(new PasswordAuthentication(decode(user), decode(password).toCharArray()));
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String redacted(String text) {
    int at = text.lastIndexOf('@');
    int start = text.indexOf("://");
    return at > start && start >= 0
        ? text.substring(0, start + 3) + "***@" + text.substring(at + 1)
        : text;
  }
}
