package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where credentials may go: redirects, plain http, token realms. */
class CredentialSafetyTest {

  @AutoClose private final LocalServer registry = LocalServer.start();
  @AutoClose private final LocalServer storage = LocalServer.start();

  private Transport basicTransport(
      String scheme, String authority, boolean insecure, Transport base) throws IOException {
    TransportConfig config =
        TransportConfig.builder()
            .auth(Authenticator.basic("alice", "s3cret"))
            .transport(base)
            .build();
    return new TransportChain(
            config, RegistryCache.create(), new RecordingSleeper(), Clock.systemUTC())
        .build(RegistryEndpoint.of(scheme, authority, insecure), List.of("repository:foo:pull"));
  }

  private void basicRegistryRedirectingBlobsTo(LocalServer target) {
    registry.handle(
        (exchange, request) -> {
          if (request.header("Authorization") == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"r\"");
            LocalServer.respond(exchange, 401, "");
          } else if (request.uri().getPath().startsWith("/v2/foo/blobs/")) {
            exchange.getResponseHeaders().add("Location", target.base() + "/bucket/blob?sig=abc");
            LocalServer.respond(exchange, 307, "");
          } else {
            LocalServer.respond(exchange, 200, "{}");
          }
        });
    target.handle((exchange, request) -> LocalServer.respond(exchange, 200, "blob bytes"));
  }

  @Test
  void aRedirectToAnotherHostCarriesNoCredentials() throws IOException {
    basicRegistryRedirectingBlobsTo(storage);
    Transport transport = basicTransport("http", registry.authority(), false, Transports.http());

    try (Response response =
        transport.send(Request.get(URI.create(registry.base() + "/v2/foo/blobs/sha256:aa")))) {
      assertEquals(200, response.status());
      assertEquals("blob bytes", new String(response.bytes(100), StandardCharsets.UTF_8));
      assertEquals(storage.base() + "/bucket/blob?sig=abc", response.request().uri().toString());
    }
    assertTrue(
        registry
            .requests("GET", "/v2/foo/blobs/")
            .get(0)
            .header("Authorization")
            .startsWith("Basic "));
    assertNull(storage.requests().get(0).header("Authorization"));
  }

  @Test
  void aRedirectLoopEndsWithAClearError() throws IOException {
    registry.handle(
        (exchange, request) -> {
          exchange.getResponseHeaders().add("Location", request.uri().getPath() + "x");
          LocalServer.respond(exchange, request.uri().getPath().equals("/v2/") ? 200 : 302, "");
        });
    Transport transport = basicTransport("http", registry.authority(), false, Transports.http());

    IOException e =
        assertThrows(
            IOException.class,
            () -> transport.send(Request.get(URI.create(registry.base() + "/v2/loop"))));
    assertTrue(e.getMessage().contains("more than 10 redirects"), e.getMessage());
    assertEquals(1 + 1 + RedirectingTransport.MAX_REDIRECTS, registry.requests().size());
  }

  @Test
  void refusesCredentialsOverPlainHttpToANonLoopbackHost() throws IOException {
    basicRegistryRedirectingBlobsTo(storage);
    Transport rerouted = rerouteTo(registry);
    Transport transport = basicTransport("http", "10.1.2.3:5000", false, rerouted);

    IOException e =
        assertThrows(
            IOException.class,
            () -> transport.send(Request.get(URI.create("http://10.1.2.3:5000/v2/foo/tags/list"))));

    assertEquals(
        "refusing to send credentials for the registry 10.1.2.3 over plain http to 10.1.2.3: mark the registry insecure (NameOption.insecure()) to allow it",
        e.getMessage());
    assertTrue(registry.requests().stream().allMatch(r -> r.header("Authorization") == null));
  }

  @Test
  void sendsCredentialsOverPlainHttpWhenTheRegistryIsMarkedInsecure() throws IOException {
    basicRegistryRedirectingBlobsTo(storage);
    Transport transport = basicTransport("http", "10.1.2.3:5000", true, rerouteTo(registry));

    try (Response response =
        transport.send(Request.get(URI.create("http://10.1.2.3:5000/v2/foo/tags/list")))) {
      assertEquals(200, response.status());
    }
  }

  /**
   * A bottom transport that sends every request to the plain http {@code server}, as a DNS override
   * would; a TLS request fails at once, as it does against a registry that speaks no TLS.
   */
  private static Transport rerouteTo(LocalServer server) {
    return request -> {
      URI original = request.uri();
      if (original.getScheme().equals("https")) {
        throw new SSLException("plain http server: " + original);
      }
      URI local =
          URI.create(
              server.base()
                  + original.getRawPath()
                  + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery()));
      return Transports.http().send(request.withUri(local));
    };
  }

  @ParameterizedTest(name = "realm {0}")
  @CsvSource({
    "http://10.0.0.1/token, 10.0.0.1",
    "http://127.0.0.2:8080/token, 127.0.0.2",
    "http://169.254.169.254/latest/meta-data, 169.254.169.254",
    "http://192.168.1.1/token, 192.168.1.1",
    "http://[::1]:9000/token, 0:0:0:0:0:0:0:1"
  })
  void refusesTokenRealmsOnInternalAddressesOtherThanTheRegistry(String realm, String address)
      throws IOException {
    registry.handle(
        (exchange, request) -> {
          exchange
              .getResponseHeaders()
              .add("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"s\"");
          LocalServer.respond(exchange, 401, "");
        });
    Transport transport = basicTransport("http", registry.authority(), false, Transports.http());

    IOException e =
        assertThrows(
            IOException.class,
            () -> transport.send(Request.get(URI.create(registry.base() + "/v2/foo/tags/list"))));

    assertTrue(e.getMessage().startsWith("refusing the token realm "), e.getMessage());
    assertTrue(
        e.getMessage().contains("(" + address + ") other than the registry's own host"),
        e.getMessage());
    assertEquals(1, registry.requests().size(), "only the ping reached a server");
  }

  @ParameterizedTest(name = "realm {0} of {1}")
  @CsvSource({
    "http://localhost:5001/token, http://127.0.0.1:5000",
    "http://127.0.0.1:5001/token, http://localhost:5000",
    "http://127.0.0.1/token, http://127.0.0.1:5000",
    "https://auth.example.com/token, https://registry.example.com"
  })
  void acceptsRealmsOnTheRegistrysOwnHostOrOnPublicNames(String realm, String registryBase) {
    assertDoesNotThrow(
        () -> CredentialPolicy.checkRealm(URI.create(realm), URI.create(registryBase)));
  }

  @ParameterizedTest(name = "{0} loopback={1}")
  @CsvSource({
    "localhost, true",
    "registry.localhost, true",
    "127.0.0.1, true",
    "127.5.6.7, true",
    "[::1], true",
    "10.0.0.1, false",
    "192.168.0.10, false",
    "registry.example.com, false",
    "localhost.example.com, false",
    "1270.0.0.1, false"
  })
  void knowsLoopbackHostsWithoutAskingDns(String host, boolean loopback) {
    assertEquals(loopback, CredentialPolicy.isLoopbackHost(host));
  }

  @ParameterizedTest(name = "{0} insecure={1}")
  @CsvSource({
    "https://registry.example.com/v2/, false, true",
    "http://localhost:5000/v2/, false, true",
    "http://10.0.0.1:5000/v2/, false, false",
    "http://10.0.0.1:5000/v2/, true, true",
    "http://registry.example.com/v2/, false, false"
  })
  void allowsPlainHttpCredentialsOnlyToLoopbackOrInsecure(
      String target, boolean insecure, boolean allowed) {
    if (allowed) {
      assertDoesNotThrow(() -> CredentialPolicy.checkPlainHttp(URI.create(target), insecure, "x"));
    } else {
      assertThrows(
          RefusedException.class,
          () -> CredentialPolicy.checkPlainHttp(URI.create(target), insecure, "x"));
    }
  }
}
