package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A registry that names a hostile token realm: trust, redirects, rebinding, unresolvable names. */
class HostileRealmTest {

  @AutoClose private final LocalServer registry = LocalServer.start();
  @AutoClose private final LocalServer elsewhere = LocalServer.start();

  private Transport chain(Authenticator auth, TransportConfig.Builder config, Transport base)
      throws IOException {
    return new TransportChain(
            config.auth(auth).transport(base).build(),
            RegistryCache.create(),
            new RecordingSleeper(),
            Clock.systemUTC())
        .build(
            RegistryEndpoint.of("http", registry.authority(), false),
            List.of("repository:foo:pull"));
  }

  private void challengeWithRealm(String realm) {
    registry.handle(
        (exchange, request) -> {
          if (request.uri().getPath().equals("/token")) {
            exchange.getResponseHeaders().add("Location", elsewhere.base() + "/steal?sig=abc");
            LocalServer.respond(exchange, 307, "");
            return;
          }
          exchange
              .getResponseHeaders()
              .add("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"s\"");
          LocalServer.respond(exchange, 401, "");
        });
  }

  private IOException listTags(Transport transport) {
    return assertThrows(
        IOException.class,
        () -> transport.send(Request.get(URI.create(registry.base() + "/v2/foo/tags/list"))));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "index.docker.io, auth.docker.io, true",
    "registry-1.docker.io, auth.docker.io, true",
    "ghcr.io, ghcr.io, true",
    "quay.io, quay.io, true",
    "gcr.io, gcr.io, true",
    "us-docker.pkg.dev, us-docker.pkg.dev, true",
    "europe-west1-docker.pkg.dev, europe-west1-docker.pkg.dev, true",
    "myregistry.azurecr.io, myregistry.azurecr.io, true",
    "harbor.example.com, harbor.example.com, true",
    "registry.gitlab.com, gitlab.com, true",
    "localhost:5000, 127.0.0.1, true",
    "registry.example.com, auth.attacker.test, false",
    "index.docker.io, docker.io.attacker.test, false",
    "alice.github.io, mallory.github.io, false",
    "10.0.0.5, 10.0.0.6, false"
  })
  void trustsARealmOnlyWhereTheRegistrysOwnerIs(String registryHost, String realm, boolean ok) {
    int colon = registryHost.indexOf(':');
    String host = colon < 0 ? registryHost : registryHost.substring(0, colon);
    assertEquals(ok, RealmTrust.trusted(realm, host, Set.of()));
  }

  @Test
  void anExplicitlyAllowedRealmHostIsTrusted() {
    assertTrue(
        RealmTrust.trusted(
            "auth.attacker.test", "registry.example.com", Set.of("auth.attacker.test")));
    TransportConfig config = TransportConfig.builder().allowRealmHost("Auth.Attacker.Test").build();
    assertEquals(Set.of("auth.attacker.test"), config.allowedRealmHosts());
  }

  @Test
  void aForeignRealmNeverReceivesTheCredentials() throws IOException {
    challengeWithRealm("https://auth.attacker.test/token?client=x");
    Transport transport =
        chain(Authenticator.basic("alice", "s3cret"), TransportConfig.builder(), Transports.http());

    IOException e = listTags(transport);

    assertTrue(refusedForSafety(e), e.toString());
    // The message is the promise here: it names the realm (without its query) and the option.
    assertEquals(
        "refusing to send the credentials for 127.0.0.1 to the token realm"
            + " https://auth.attacker.test/token?…: it is neither the registry's host nor in its"
            + " registrable domain; allow it with"
            + " RemoteOptions.Builder.allowRealmHost(\"auth.attacker.test\")",
        e.getMessage());
    assertEquals(1, registry.requests().size(), "only the ping reached a server");
  }

  @Test
  void aTokenRequestFollowsNoRedirectAndCarriesNothingElsewhere() throws IOException {
    challengeWithRealm(registry.base() + "/token");
    Transport transport =
        chain(
            Authenticator.of(new AuthConfig("", "", "", "refresh-token-secret", "")),
            TransportConfig.builder(),
            Transports.http());

    IOException e = listTags(transport);

    assertTrue(refusedForSafety(e), e.toString());
    assertFalse(e.getMessage().contains("sig=abc"), e.getMessage());
    assertEquals(List.of(), elsewhere.requests(), "the redirect target got nothing");
  }

  @Test
  void anUnresolvableRealmIsRefused() throws IOException {
    challengeWithRealm("https://realm.invalid/token");
    Transport transport =
        chain(Authenticator.anonymous(), TransportConfig.builder(), Transports.http());

    IOException e = listTags(transport);

    assertTrue(refusedForSafety(e), e.toString());
    assertEquals(1, registry.requests().size(), "only the ping reached a server");
  }

  /** Answers a public address for the pre-check, then loopback when the client connects. */
  private static final DnsResolver REBINDING =
      new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
          return InetAddress.getAllByName("127.0.0.1");
        }

        @Override
        public String resolveCanonicalHostname(String host) {
          return host;
        }
      };

  @Test
  void aRealmNameThatRebindsToLoopbackIsNotConnectedTo() throws IOException {
    int port = elsewhere.base().getPort();
    challengeWithRealm("http://rebind.test:" + port + "/token");
    elsewhere.handle(
        (exchange, request) -> LocalServer.respond(exchange, 200, "{\"token\":\"t\"}"));
    HttpClientTransport rebinding = new HttpClientTransport(HttpSettings.defaults(), REBINDING);
    Transport toRegistry =
        request ->
            request.uri().getHost().equals("rebind.test")
                ? rebinding.send(request)
                : Transports.http().send(request);
    Transport transport = chain(Authenticator.anonymous(), TransportConfig.builder(), toRegistry);

    IOException e = listTags(transport);

    assertTrue(
        e instanceof TransportException noAnswer
            && noAnswer.step() == TransportException.Step.TOKEN
            && noAnswer.getCause() instanceof UnknownHostException,
        e.toString());
    assertEquals(List.of(), elsewhere.requests(), "nothing reached the rebound address");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"http://", "HTTP://", "Http://", "hTtP://"})
  void aRedirectFromHttpsToPlainHttpIsRefusedHoweverSpelled(String scheme) {
    List<Request> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    Transport hostile =
        request -> {
          sent.add(request);
          return Response.of(
              request,
              302,
              Headers.of(java.util.Map.of("Location", List.of(scheme + "registry.example.com/x"))),
              new byte[0]);
        };
    Transport redirecting = new RedirectingTransport(hostile);

    assertThrows(
        java.net.ProtocolException.class,
        () -> redirecting.send(Request.get(URI.create("https://registry.example.com/v2/foo"))));
    assertEquals(1, sent.size(), "the plain http target was never asked");
  }

  /** A token request this client refused to send: a token failure caused by the refusal. */
  private static boolean refusedForSafety(IOException e) {
    return e instanceof TransportException failure
        && failure.step() == TransportException.Step.TOKEN
        && failure.getCause() instanceof RefusedException;
  }
}
