package dev.containerregistry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.AuthRegistries;
import dev.containerregistry.it.support.TokenServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auth registries themselves behave as the SDK's auth tests assume (raw HTTP, no SDK). */
class AuthHarnessTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void docker() {
    RegistryExtension.requireDocker();
  }

  @Test
  void basicAuthRegistryAcceptsOnlyItsUser() throws Exception {
    try (RegistryContainer registry = AuthRegistries.basic("alice", "s3cret")) {
      assertEquals(401, get(registry.baseUri().resolve("/v2/"), null).statusCode());
      assertEquals(
          200, get(registry.baseUri().resolve("/v2/"), basic("alice", "s3cret")).statusCode());
      assertEquals(
          401, get(registry.baseUri().resolve("/v2/"), basic("alice", "wrong")).statusCode());
    }
  }

  @Test
  void tokenRegistryAcceptsTokensFromTheTokenServer(@TempDir Path dir) throws Exception {
    Map<String, TokenServer.User> users =
        Map.of("bob", new TokenServer.User("pw", Set.of("pull", "push")));
    try (TokenServer tokens = new TokenServer(users, dir);
        RegistryContainer registry = AuthRegistries.token(tokens)) {
      HttpResponse<String> challenge = get(registry.baseUri().resolve("/v2/"), null);
      assertEquals(401, challenge.statusCode());
      assertTrue(
          challenge.headers().firstValue("WWW-Authenticate").orElse("").contains(tokens.realm()));

      String body =
          get(
                  URI.create(
                      tokens.realm()
                          + "?service="
                          + TokenServer.SERVICE
                          + "&scope=repository:demo:pull"),
                  basic("bob", "pw"))
              .body();
      String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
      HttpResponse<String> tags =
          get(registry.baseUri().resolve("/v2/demo/tags/list"), "Bearer " + token);
      assertEquals(404, tags.statusCode(), tags.body()); // authorized; the repository is unknown
    }
  }

  private static HttpResponse<String> get(URI uri, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
