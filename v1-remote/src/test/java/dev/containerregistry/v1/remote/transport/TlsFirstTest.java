package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry whose name means plain http (loopback, private addresses, insecure) is tried over TLS
 * first; plain http is the fallback, and credentials go over plain http only to this machine or to
 * a registry the user marked insecure.
 */
class TlsFirstTest {

  /** A private, non-loopback address; the test's bottom transport sends it to a local server. */
  private static final String PRIVATE_HOST = "10.200.0.7";

  @TempDir static Path keys;
  private static TestTls tls;

  @AutoClose private LocalServer tlsRegistry;
  @AutoClose private final LocalServer plainRegistry = LocalServer.start();

  @BeforeAll
  static void certificate() {
    tls = TestTls.generate(keys);
  }

  private LocalServer tlsRegistry() {
    tlsRegistry = LocalServer.startTls(tls.serverContext());
    return tlsRegistry;
  }

  private static void basicAuthRegistry(LocalServer server) {
    server.handle(
        (exchange, request) -> {
          if (request.header("Authorization") == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"registry\"");
            LocalServer.respond(exchange, 401, "");
          } else {
            LocalServer.respond(exchange, 200, "{}");
          }
        });
  }

  private static Transport clientTrustingTheTestCertificate() {
    return Transports.http(HttpSettings.builder().sslContext(tls.clientContext()).build());
  }

  /**
   * Sends requests for {@link #PRIVATE_HOST} to {@code server} on loopback, scheme unchanged. A TLS
   * request to a plain server fails at once, as a registry's own server makes it fail (the JDK's
   * test server would instead wait for the rest of a request line).
   */
  private static Transport privateHostRoutedTo(LocalServer server, Transport bottom) {
    return request -> {
      URI uri = request.uri();
      if (!PRIVATE_HOST.equals(uri.getHost())) {
        return bottom.send(request);
      }
      if (uri.getScheme().equals("https") && server.base().getScheme().equals("http")) {
        throw new SSLException("the server does not speak TLS");
      }
      String local = uri.toString().replace(PRIVATE_HOST + ":5000", server.authority());
      return bottom.send(request.withUri(URI.create(local)));
    };
  }

  private static Transport chain(String authority, boolean insecure, Transport bottom)
      throws IOException {
    TransportConfig config =
        TransportConfig.builder()
            .auth(Authenticator.basic("alice", "s3cret"))
            .transport(bottom)
            .build();
    return new TransportChain(
            config, RegistryCache.create(), new RecordingSleeper(), Clock.systemUTC())
        .build(RegistryEndpoint.of("http", authority, insecure), List.of("repository:foo:pull"));
  }

  private static int get(Transport transport, String authority) throws IOException {
    try (Response response =
        transport.send(Request.get(URI.create("http://" + authority + "/v2/foo/tags/list")))) {
      return response.status();
    }
  }

  @Test
  void aLoopbackRegistryThatSpeaksTlsIsReachedOverTls() throws IOException {
    LocalServer server = tlsRegistry();
    basicAuthRegistry(server);
    Transport transport = chain(server.authority(), false, clientTrustingTheTestCertificate());

    assertEquals(200, get(transport, server.authority()));

    assertEquals(1, server.requests("GET", "/v2/foo/tags/list").size());
    assertTrue(
        server.requests("GET", "/v2/foo/").stream()
            .allMatch(r -> r.header("Authorization") != null));
  }

  @Test
  void aLoopbackRegistryWithoutTlsIsReachedOverPlainHttpWithItsCredentials() throws IOException {
    basicAuthRegistry(plainRegistry);
    Transport transport =
        chain(plainRegistry.authority(), false, clientTrustingTheTestCertificate());

    assertEquals(200, get(transport, plainRegistry.authority()));

    assertEquals(
        "Basic YWxpY2U6czNjcmV0",
        plainRegistry.requests("GET", "/v2/foo/tags/list").get(0).header("Authorization"));
  }

  @Test
  void aPrivateAddressRegistryThatSpeaksTlsGetsCredentialsOverTls() throws IOException {
    LocalServer server = tlsRegistry();
    basicAuthRegistry(server);
    String authority = PRIVATE_HOST + ":5000";
    Transport transport =
        chain(authority, false, privateHostRoutedTo(server, clientTrustingTheTestCertificate()));

    assertEquals(200, get(transport, authority));

    assertEquals(
        "Basic YWxpY2U6czNjcmV0",
        server.requests("GET", "/v2/foo/tags/list").get(0).header("Authorization"));
  }

  @Test
  void aPrivateAddressRegistryOnPlainHttpGetsNoCredentialsUnlessInsecure() throws IOException {
    basicAuthRegistry(plainRegistry);
    String authority = PRIVATE_HOST + ":5000";
    Transport bottom = privateHostRoutedTo(plainRegistry, clientTrustingTheTestCertificate());

    RefusedException refused =
        assertThrows(RefusedException.class, () -> get(chain(authority, false, bottom), authority));
    assertTrue(refused.getMessage().contains("insecure"), refused.getMessage());
    assertTrue(
        plainRegistry.requests().stream().allMatch(r -> r.header("Authorization") == null),
        "no request carried the credentials");

    assertEquals(200, get(chain(authority, true, bottom), authority));
  }

  @Test
  void aRegistryWhoseNameMeansHttpsIsNeverTriedOverPlainHttp() {
    List<URI> sent = new CopyOnWriteArrayList<>();
    Transport noTlsAnywhere =
        request -> {
          sent.add(request.uri());
          throw new SSLException("no TLS here");
        };
    TransportConfig config =
        TransportConfig.builder().transport(noTlsAnywhere).retry(RetryPolicy.none()).build();
    TransportChain chain =
        new TransportChain(
            config, RegistryCache.create(), new RecordingSleeper(), Clock.systemUTC());

    assertThrows(
        IOException.class,
        () ->
            chain.build(
                RegistryEndpoint.of("https", "10.200.0.8:5000", false),
                List.of("repository:foo:pull")));
    assertEquals(List.of(URI.create("https://10.200.0.8:5000/v2/")), sent);
  }
}
