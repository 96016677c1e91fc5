package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} as container tools read them; see
 * {@link Proxies#fromEnvironment()}.
 */
final class EnvironmentProxies extends ProxySelector implements ProxyCredentials {

  private final @Nullable ProxyAddress https;
  private final @Nullable ProxyAddress http;
  private final List<String> noProxy;

  private EnvironmentProxies(
      @Nullable ProxyAddress https, @Nullable ProxyAddress http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  static EnvironmentProxies of(Map<String, String> env) {
    List<String> exclusions = new ArrayList<>();
    String rawNoProxy = variable(env, "no_proxy");
    if (rawNoProxy != null) {
      for (String entry : rawNoProxy.split(",", -1)) {
        if (!entry.isBlank()) {
          exclusions.add(entry.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return new EnvironmentProxies(
        address(variable(env, "https_proxy")), address(variable(env, "http_proxy")), exclusions);
  }

  private static @Nullable String variable(Map<String, String> env, String lowerName) {
    String value = env.get(lowerName);
    if (value == null || value.isBlank()) {
      value = env.get(lowerName.toUpperCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? null : value;
  }

  private static @Nullable ProxyAddress address(@Nullable String value) {
    return value == null ? null : ProxyAddress.parse(value);
  }

  @Override
  public List<Proxy> select(URI uri) {
    ProxyAddress chosen = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    if (chosen == null || uri.getHost() == null || bypassed(uri)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(chosen.proxy());
  }

  @Override
  public void connectFailed(URI uri, SocketAddress failed, IOException e) {}

  @Override
  public Optional<PasswordAuthentication> credentials(String host, int port) {
    return Stream.of(https, http)
        .filter(a -> a != null && a.is(host, port))
        .findFirst()
        .flatMap(ProxyAddress::credentials);
  }

  private boolean bypassed(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (CredentialPolicy.isLoopbackHost(host)) {
      return true;
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    for (String entry : noProxy) {
      if (matches(entry, host, port)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String entry, String host, int port) {
    if (entry.equals("*")) {
      return true;
    }
    String pattern = entry;
    int colon = pattern.lastIndexOf(':');
    if (colon > 0 && pattern.indexOf(':') == colon && !pattern.contains("/")) {
      if (!pattern.substring(colon + 1).equals(Integer.toString(port))) {
        return false;
      }
      pattern = pattern.substring(0, colon);
    }
    if (pattern.contains("/")) {
      return inRange(pattern, host);
    }
    if (pattern.startsWith("*.")) {
      pattern = pattern.substring(1);
    }
    if (pattern.startsWith(".")) {
      return host.endsWith(pattern) || host.equals(pattern.substring(1));
    }
    return host.equals(pattern) || host.endsWith("." + pattern);
  }

  /** True when {@code host} is an IP literal inside the CIDR range {@code cidr}. */
  private static boolean inRange(String cidr, String host) {
    int slash = cidr.indexOf('/');
    if (!isIpLiteral(host) || !isIpLiteral(cidr.substring(0, slash))) {
      return false;
    }
    try {
      byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
      byte[] address = InetAddress.getByName(host).getAddress();
      int bits = Integer.parseInt(cidr.substring(slash + 1));
      if (network.length != address.length || bits < 0 || bits > network.length * 8) {
        return false;
      }
      int shift = network.length * 8 - bits;
      return new BigInteger(1, network)
          .shiftRight(shift)
          .equals(new BigInteger(1, address).shiftRight(shift));
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }

  private static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }
}
