package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Bearer and basic challenges answered against a local server that plays registry and realm. */
class TokenAuthTest {

  private static final List<String> PUSH_SCOPE = List.of("repository:foo/bar:push,pull");

  @AutoClose private final LocalServer server = LocalServer.start();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private volatile String validToken = "";
  private volatile int rejectNext;

  private void bearerRegistry() {
    server.handle(
        (exchange, request) -> {
          if (request.uri().getPath().equals("/token")) {
            validToken = "token-" + tokensIssued.incrementAndGet();
            LocalServer.respond(
                exchange, 200, "{\"token\":\"" + validToken + "\",\"expires_in\":300}");
          } else if (rejectNext > 0
              || !("Bearer " + validToken).equals(request.header("Authorization"))) {
            rejectNext = Math.max(0, rejectNext - 1);
            challenge(exchange, "Bearer realm=\"" + server.base() + "/token\",service=\"local\"");
          } else {
            LocalServer.respond(exchange, 200, "ok");
          }
        });
  }

  private static void challenge(HttpExchange exchange, String header) throws IOException {
    exchange.getResponseHeaders().add("WWW-Authenticate", header);
    LocalServer.respond(
        exchange,
        401,
        "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
  }

  private Transport transport(Authenticator auth) throws IOException {
    TransportConfig config = TransportConfig.builder().auth(auth).build();
    return new TransportChain(
            config, RegistryCache.create(), new RecordingSleeper(), Clock.systemUTC())
        .build(RegistryEndpoint.of("http", server.authority(), false), PUSH_SCOPE);
  }

  private String get(Transport transport, String path) throws IOException {
    try (Response response = transport.send(Request.get(URI.create(server.base() + path)))) {
      return response.status() + " " + new String(response.bytes(1024), StandardCharsets.UTF_8);
    }
  }

  private static String query(LocalServer.Recorded request) {
    return URLDecoder.decode(request.uri().getRawQuery(), StandardCharsets.UTF_8);
  }

  @Test
  void exchangesBasicCredentialsForATokenWithAGet() throws IOException {
    bearerRegistry();
    Transport transport = transport(Authenticator.basic("alice", "s3cret"));

    assertEquals("200 ok", get(transport, "/v2/foo/bar/tags/list"));

    LocalServer.Recorded token = server.requests("GET", "/token").get(0);
    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, token.header("Authorization"));
    assertEquals("service=local&scope=repository:foo/bar:push,pull", query(token));
  }

  @Test
  void exchangesAnIdentityTokenWithAPost() throws IOException {
    bearerRegistry();
    Transport transport = transport(Authenticator.of(new AuthConfig("", "", "", "refresh-me", "")));

    assertEquals("200 ok", get(transport, "/v2/foo/bar/tags/list"));

    LocalServer.Recorded token = server.requests("POST", "/token").get(0);
    String form = URLDecoder.decode(token.text(), StandardCharsets.UTF_8);
    assertTrue(form.contains("grant_type=refresh_token"), form);
    assertTrue(form.contains("refresh_token=refresh-me"), form);
    assertTrue(form.contains("scope=repository:foo/bar:push,pull"), form);
    assertTrue(form.contains("service=local"), form);
    assertNull(token.header("Authorization"));
  }

  @Test
  void reusesTheTokenUntilA401ThenRefreshesOnce() throws IOException {
    bearerRegistry();
    Transport transport = transport(Authenticator.basic("alice", "s3cret"));

    get(transport, "/v2/a");
    get(transport, "/v2/b");
    get(transport, "/v2/c");
    assertEquals(1, tokensIssued.get());

    rejectNext = 1;
    assertEquals("200 ok", get(transport, "/v2/d"));
    assertEquals(2, tokensIssued.get());
  }

  @Test
  void givesUpAfterOneRefreshWhenTheRegistryKeepsRefusing() throws IOException {
    bearerRegistry();
    Transport transport = transport(Authenticator.basic("alice", "s3cret"));
    get(transport, "/v2/a");

    rejectNext = 2;
    assertEquals(401, Integer.parseInt(get(transport, "/v2/b").substring(0, 3)));
    assertEquals(2, tokensIssued.get());
  }

  @Test
  void addsTheScopeAnInsufficientScopeChallengeAsksFor() throws IOException {
    bearerRegistry();
    Transport transport = transport(Authenticator.basic("alice", "s3cret"));
    get(transport, "/v2/a");
    server.handle(
        (exchange, request) -> {
          if (request.uri().getPath().equals("/token")) {
            validToken = "token-" + tokensIssued.incrementAndGet();
            LocalServer.respond(exchange, 200, "{\"access_token\":\"" + validToken + "\"}");
          } else if (!("Bearer " + validToken).equals(request.header("Authorization"))
              || tokensIssued.get() < 2) {
            challenge(
                exchange,
                "Bearer realm=\""
                    + server.base()
                    + "/token\",service=\"local\",scope=\"repository:other/src:pull\",error=\"insufficient_scope\"");
          } else {
            LocalServer.respond(exchange, 200, "ok");
          }
        });

    assertEquals("200 ok", get(transport, "/v2/b"));
    String second = query(server.requests("GET", "/token").get(1));
    assertTrue(
        second.contains("scope=repository:foo/bar:push,pull&scope=repository:other/src:pull"),
        second);
  }

  @Test
  void answersABasicChallengeWithBasicCredentials() throws IOException {
    String expected =
        "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
    server.handle(
        (exchange, request) -> {
          if (expected.equals(request.header("Authorization"))) {
            LocalServer.respond(exchange, 200, "ok");
          } else {
            challenge(exchange, "Basic realm=\"registry\"");
          }
        });

    assertEquals(
        "200 ok", get(transport(Authenticator.basic("bob", "pw")), "/v2/foo/bar/tags/list"));
  }

  @Test
  void sendsNoCredentialsWhenTheRegistryAsksForNone() throws IOException {
    server.handle((exchange, request) -> LocalServer.respond(exchange, 200, "ok"));

    get(transport(Authenticator.basic("bob", "pw")), "/v2/foo/bar/tags/list");

    assertTrue(server.requests().stream().allMatch(r -> r.header("Authorization") == null));
  }

  @Test
  void reportsARealmThatRefusesTheCredentials() throws IOException {
    server.handle(
        (exchange, request) -> {
          if (request.uri().getPath().equals("/token")) {
            LocalServer.respond(
                exchange,
                401,
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad password\"}]}");
          } else {
            challenge(exchange, "Bearer realm=\"" + server.base() + "/token\",service=\"local\"");
          }
        });
    Transport transport = transport(Authenticator.basic("alice", "wrong"));

    IOException e = assertThrows(IOException.class, () -> get(transport, "/v2/foo/bar/tags/list"));

    assertTrue(
        e.getMessage()
            .startsWith(
                "fetching a token for "
                    + server.base().getAuthority()
                    + " [repository:foo/bar:push,pull] from "
                    + server.base()
                    + "/token"),
        e.getMessage());
    assertTrue(e.getMessage().contains("UNAUTHORIZED: bad password"), e.getMessage());
    assertTrue(!e.getMessage().contains("wrong"), e.getMessage());
    assertTrue(
        e instanceof TransportException t && t.hasCode(ErrorCode.UNAUTHORIZED), e.toString());
    long tokenRequests =
        server.requests().stream().filter(r -> r.uri().getPath().equals("/token")).count();
    assertEquals(1, tokenRequests, "refused credentials are not retried");
  }
}
