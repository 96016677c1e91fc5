package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A credential helper behind the authenticator runs once per registry and operation. */
class CredentialsOncePerOperationTest {

  @AutoClose private final LocalServer registry = LocalServer.start();

  @Test
  void manyRequestsOfOneOperationAskForTheCredentialsOnce() throws IOException {
    registry.handle(
        (exchange, request) -> {
          if (request.header("Authorization") == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"r\"");
            LocalServer.respond(exchange, 401, "");
          } else {
            LocalServer.respond(exchange, 200, "{}");
          }
        });
    AtomicInteger asked = new AtomicInteger();
    Authenticator helper =
        () -> {
          asked.incrementAndGet();
          return AuthConfig.basic("alice", "s3cret");
        };
    Transport transport =
        new TransportChain(
                TransportConfig.builder().auth(helper).build(),
                RegistryCache.create(),
                new RecordingSleeper(),
                Clock.systemUTC())
            .build(
                RegistryEndpoint.of("http", registry.authority(), false),
                List.of("repository:foo:pull"));

    for (int i = 0; i < 5; i++) {
      try (Response response =
          transport.send(Request.get(URI.create(registry.base() + "/v2/foo/tags/list")))) {
        assertEquals(200, response.status());
      }
    }

    assertEquals(1, asked.get());
  }
}
