package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Proxies#fromEnvironment(Map)}: which proxy each URL goes through, and its credentials. */
class ProxiesTest {

  private static final Map<String, String> ENV =
      Map.of(
          "HTTPS_PROXY", "http://u:p%40ss@secure.proxy:3128",
          "HTTP_PROXY", "plain.proxy:8080",
          "NO_PROXY", "internal.example, .corp.test,10.0.0.0/8,registry.local:5000");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://registry.example.com/v2/, secure.proxy:3128",
    "http://registry.example.com/v2/, plain.proxy:8080",
    "https://internal.example/v2/, DIRECT",
    "https://a.b.internal.example/v2/, DIRECT",
    "https://notinternal.example/v2/, secure.proxy:3128",
    "https://x.corp.test/v2/, DIRECT",
    "https://10.1.2.3/v2/, DIRECT",
    "https://11.1.2.3/v2/, secure.proxy:3128",
    "https://registry.local:5000/v2/, DIRECT",
    "https://registry.local:5001/v2/, secure.proxy:3128",
    "http://localhost:5000/v2/, DIRECT",
    "http://127.0.0.1:5000/v2/, DIRECT",
  })
  void picksTheProxyOfTheSchemeUnlessExcluded(String url, String expected) {
    assertEquals(expected, describe(Proxies.fromEnvironment(ENV), url));
  }

  @Test
  void lowerCaseNamesWinAndStarExcludesEverything() {
    ProxySelector lower =
        Proxies.fromEnvironment(
            Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2"));
    assertEquals("lower:2", describe(lower, "https://r.example/v2/"));
    ProxySelector all =
        Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "*"));
    assertEquals("DIRECT", describe(all, "https://r.example/v2/"));
  }

  @Test
  void credentialsBelongToTheirProxyOnly() {
    ProxyCredentials selector = (ProxyCredentials) Proxies.fromEnvironment(ENV);
    Optional<PasswordAuthentication> found = selector.credentials("secure.proxy", 3128);
    assertEquals("u", found.orElseThrow().getUserName());
    assertEquals("p@ss", new String(found.orElseThrow().getPassword()));
    assertFalse(selector.credentials("plain.proxy", 8080).isPresent());
    assertFalse(selector.credentials("registry.example.com", 443).isPresent());
  }

  @Test
  void refusesAProxyThatIsNotHttpWithoutQuotingItsPassword() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://u:secret@p:1080")));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  private static String describe(ProxySelector selector, String url) {
    Proxy proxy = selector.select(URI.create(url)).get(0);
    if (proxy.type() == Proxy.Type.DIRECT) {
      return "DIRECT";
    }
    InetSocketAddress address = (InetSocketAddress) proxy.address();
    return address.getHostString() + ":" + address.getPort();
  }
}
