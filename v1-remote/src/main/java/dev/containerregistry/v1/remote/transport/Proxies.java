package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Proxy selectors for {@link HttpSettings.Builder#proxy}. An https registry is reached through a
 * {@code CONNECT} tunnel, so the proxy sees neither the requests nor the registry's credentials;
 * proxy credentials (from the proxy URL's user info) are sent to the proxy only, when it asks with
 * {@code 407}.
 */
public final class Proxies {

  private Proxies() {}

  /**
   * The JVM's proxy settings ({@link ProxySelector#getDefault()}: {@code -Dhttps.proxyHost}, {@code
   * -Dhttps.proxyPort}, {@code -Dhttp.proxyHost}, {@code -Dhttp.nonProxyHosts}, {@code
   * -Djava.net.useSystemProxies}), read on each request. The default.
   */
  public static ProxySelector system() {
    return SystemProxies.INSTANCE;
  }

  /** Every request goes directly to its host. */
  public static ProxySelector none() {
    return new FixedProxy(Proxy.NO_PROXY, null);
  }

  /**
   * Every request goes through the http proxy at {@code proxy} ({@code
   * http://[user:password@]host:port}).
   *
   * @throws IllegalArgumentException when {@code proxy} is not an http URL with a host
   */
  public static ProxySelector of(URI proxy) {
    ProxyAddress address = ProxyAddress.parse(proxy.toString());
    return new FixedProxy(address.proxy(), address);
  }

  /**
   * The proxies of this process's environment, read as container tools read them: {@code
   * HTTPS_PROXY} for https registries, {@code HTTP_PROXY} for http ones (the lower-case names too,
   * which win when both are set), and {@code NO_PROXY}: a comma-separated list of host names (which
   * also cover their subdomains; a leading dot or {@code *.} is the same), IP addresses, CIDR
   * ranges, each with an optional {@code :port}, or {@code *} for all. Requests to {@code
   * localhost} and loopback addresses never go through a proxy.
   *
   * @throws IllegalArgumentException when a proxy variable is not an http URL
   */
  public static ProxySelector fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * As {@link #fromEnvironment()}, from {@code environment} instead of the process's.
   *
   * @throws IllegalArgumentException when a proxy variable is not an http URL
   */
  public static ProxySelector fromEnvironment(Map<String, String> environment) {
    return EnvironmentProxies.of(environment);
  }

  /** {@link ProxySelector#getDefault()}, asked on each request so later changes apply. */
  private static final class SystemProxies extends ProxySelector {
    static final SystemProxies INSTANCE = new SystemProxies();

    @Override
    public List<Proxy> select(URI uri) {
      ProxySelector jvm = ProxySelector.getDefault();
      return jvm == null ? List.of(Proxy.NO_PROXY) : jvm.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
      ProxySelector jvm = ProxySelector.getDefault();
      if (jvm != null) {
        jvm.connectFailed(uri, address, e);
      }
    }
  }
}
