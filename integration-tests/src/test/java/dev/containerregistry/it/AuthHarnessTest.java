package dev.containerregistry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.Prerequisites;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The auth registries themselves behave as the SDK's auth tests assume (raw HTTP, no SDK). */
class AuthHarnessTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void docker() {
    Prerequisites.requireDocker();
  }

  @Test
  void basicAuthRegistryAcceptsOnlyItsUser() throws Exception {
    try (RegistryContainer registry =
        new RegistryContainer()
            .withAuth(Auth.BASIC)
            .withUsers(RegistryUser.pusher("alice", "s3cret"))) {
      registry.start();
      assertEquals(401, get(registry.baseUri().resolve("/v2/"), null).statusCode());
      assertEquals(
          200, get(registry.baseUri().resolve("/v2/"), basic("alice", "s3cret")).statusCode());
      assertEquals(
          401, get(registry.baseUri().resolve("/v2/"), basic("alice", "wrong")).statusCode());
    }
  }

  @Test
  void tokenRegistrySendsClientsToTheTokenServerAndAcceptsItsTokens() throws Exception {
    try (RegistryContainer registry =
        new RegistryContainer().withAuth(Auth.TOKEN).withUsers(RegistryUser.puller("bob", "pw"))) {
      registry.start();
      HttpResponse<String> challenge = get(registry.baseUri().resolve("/v2/"), null);
      assertEquals(401, challenge.statusCode());
      String header = challenge.headers().firstValue("WWW-Authenticate").orElse("");
      String realm = header.replaceAll(".*realm=\"([^\"]+)\".*", "$1");
      String service = header.replaceAll(".*service=\"([^\"]+)\".*", "$1");
      assertTrue(realm.startsWith("http://localhost:"), header);

      String body =
          get(
                  URI.create(realm + "?service=" + service + "&scope=repository:demo:pull"),
                  basic("bob", "pw"))
              .body();
      String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
      HttpResponse<String> tags =
          get(registry.baseUri().resolve("/v2/demo/tags/list"), "Bearer " + token);
      assertEquals(404, tags.statusCode(), tags.body()); // authorized; the repository is unknown
      assertEquals(
          401,
          get(registry.baseUri().resolve("/v2/demo/tags/list"), "Bearer x" + token).statusCode());
      assertEquals(1, registry.tokensIssued());
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
