package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Transports built over one {@link RegistryCache} share the ping, the credentials and the tokens;
 * tokens are fetched again near their expiry or after a 401, credentials after a 401 of the token
 * server.
 */
class RegistryCacheTest {

  private static final List<String> PUSH = List.of("repository:foo/bar:push,pull");
  private static final List<String> PULL = List.of("repository:foo/other:pull");

  @AutoClose private final LocalServer server = LocalServer.start();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final MovableClock clock = new MovableClock();
  private volatile String password = "right";
  private volatile int tokenLifetime = 300;

  RegistryCacheTest() {
    server.handle(
        (exchange, request) -> {
          String path = request.uri().getPath();
          if (path.equals("/token")) {
            if (!Credentials.basic(AuthConfig.basic("alice", password))
                .equals(request.header("Authorization"))) {
              LocalServer.respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
              return;
            }
            String token = "token-" + tokensIssued.incrementAndGet();
            LocalServer.respond(
                exchange,
                200,
                "{\"token\":\"" + token + "\",\"expires_in\":" + tokenLifetime + "}");
          } else if (("Bearer token-" + tokensIssued.get()).equals(request.header("Authorization"))
              && !path.equals("/v2/")) {
            LocalServer.respond(exchange, 200, "ok");
          } else {
            exchange
                .getResponseHeaders()
                .add(
                    "WWW-Authenticate",
                    "Bearer realm=\"" + server.base() + "/token\",service=\"local\"");
            LocalServer.respond(exchange, 401, "");
          }
        });
  }

  @Test
  void transportsOfOneCachePingOnceAskCredentialsOnceAndFetchOneTokenPerScopeSet()
      throws IOException {
    AtomicInteger asked = new AtomicInteger();
    Authenticator counting =
        () -> {
          asked.incrementAndGet();
          return AuthConfig.basic("alice", "right");
        };
    RegistryCache cache = RegistryCache.create();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get(transport(cache, counting, PUSH)));
    }
    assertEquals(200, get(transport(cache, counting, PULL)));

    assertEquals(1, server.requests("GET", "/v2/").stream().filter(this::isPing).count());
    assertEquals(2, tokensIssued.get(), "one token per scope set");
    assertEquals(1, asked.get(), "credentials asked once");
  }

  @Test
  void aTokenIsFetchedAgainShortlyBeforeItExpires() throws IOException {
    tokenLifetime = 60;
    Transport transport = transport(RegistryCache.create(), auth(), PUSH);
    assertEquals(200, get(transport));
    clock.advance(Duration.ofSeconds(44));
    assertEquals(200, get(transport));
    assertEquals(1, tokensIssued.get(), "still usable 44 s into a 60 s lifetime");
    clock.advance(Duration.ofSeconds(2));
    assertEquals(200, get(transport));
    assertEquals(2, tokensIssued.get(), "replaced 15 s (a quarter) before it expires");
  }

  @Test
  void credentialsAreAskedAgainWhenTheTokenServerRefusesThem() throws IOException {
    AtomicReference<String> helperAnswer = new AtomicReference<>("right");
    AtomicInteger asked = new AtomicInteger();
    Authenticator helper =
        () -> {
          asked.incrementAndGet();
          return AuthConfig.basic("alice", helperAnswer.get());
        };
    RegistryCache cache = RegistryCache.create();
    assertEquals(200, get(transport(cache, helper, PUSH)));

    password = "rotated";
    helperAnswer.set("rotated");
    assertEquals(200, get(transport(cache, helper, PULL)));
    assertEquals(2, asked.get(), "asked again once, after the token server's 401");
  }

  private boolean isPing(LocalServer.Recorded request) {
    return request.uri().getPath().equals("/v2/");
  }

  private static Authenticator auth() {
    return Authenticator.basic("alice", "right");
  }

  private Transport transport(RegistryCache cache, Authenticator auth, List<String> scopes)
      throws IOException {
    TransportConfig config = TransportConfig.builder().auth(auth).retry(RetryPolicy.none()).build();
    return new TransportChain(config, cache, new RecordingSleeper(), clock)
        .build(RegistryEndpoint.of("http", server.authority(), false), scopes);
  }

  private int get(Transport transport) throws IOException {
    try (Response response =
        transport.send(Request.get(URI.create(server.base() + "/v2/foo/bar/tags/list")))) {
      return response.status();
    }
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
