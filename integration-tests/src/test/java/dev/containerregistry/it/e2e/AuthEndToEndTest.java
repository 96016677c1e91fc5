package dev.containerregistry.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.RegistryContainer;
import dev.containerregistry.it.RegistryExtension;
import dev.containerregistry.it.support.AuthRegistries;
import dev.containerregistry.it.support.TokenServer;
import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull against registries that demand credentials: basic (htpasswd) and token auth. */
class AuthEndToEndTest {

  @BeforeAll
  static void docker() {
    RegistryExtension.requireDocker();
  }

  @Test
  void basicAuthPushAndPullSucceedWithTheRightPasswordAndFailClearlyWithAWrongOne()
      throws Exception {
    try (RegistryContainer registry = AuthRegistries.basic("alice", "s3cret")) {
      Reference ref = Reference.parse(registry.ref("private/app:1"));
      Image image = Randoms.image(4096, 2);

      Remote.write(ref, image, as("alice", "s3cret"));
      Image pulled = Remote.image(ref, as("alice", "s3cret"));
      assertEquals(image.digest(), pulled.digest());
      Validate.image(pulled);

      assertUnauthorized(registry, () -> Remote.image(ref, as("alice", "wrong")));
      assertUnauthorized(
          registry, () -> Remote.write(ref, Randoms.image(64, 1), as("alice", "wrong")));
      assertUnauthorized(
          registry,
          () -> Remote.image(ref, RemoteOptions.builder().auth(Authenticator.anonymous()).build()));
    }
  }

  @Test
  void tokenAuthGrantsPushToPushersAndOnlyPullToPullers(@TempDir Path dir) throws Exception {
    Map<String, TokenServer.User> users =
        Map.of(
            "bob", new TokenServer.User("bob-pw", Set.of("pull", "push")),
            "carol", new TokenServer.User("carol-pw", Set.of("pull")));
    try (TokenServer tokens = new TokenServer(users, dir);
        RegistryContainer registry = AuthRegistries.token(tokens)) {
      Reference ref = Reference.parse(registry.ref("team/app:1"));
      Image image = Randoms.image(4096, 2);

      Remote.write(ref, image, as("bob", "bob-pw"));
      Image pulledByReader = Remote.image(ref, as("carol", "carol-pw"));
      assertEquals(image.digest(), pulledByReader.digest());
      Validate.image(pulledByReader);

      IOException denied =
          assertThrows(
              IOException.class,
              () ->
                  Remote.write(
                      Reference.parse(registry.ref("team/app:2")),
                      Randoms.image(64, 1),
                      as("carol", "carol-pw")));
      assertTrue(denied.getMessage().contains(registry.hostPort()), denied.getMessage());
      assertUnauthorized(registry, () -> Remote.image(ref, as("bob", "not-bobs")));
    }
  }

  private static RemoteOptions as(String user, String password) {
    return RemoteOptions.builder().auth(Authenticator.basic(user, password)).build();
  }

  private static void assertUnauthorized(RegistryContainer registry, ThrowingCall call) {
    IOException e = assertThrows(IOException.class, call::run);
    String message = e.getMessage();
    assertTrue(message.contains(registry.hostPort()), "names the registry: " + message);
    assertTrue(message.toLowerCase(Locale.ROOT).contains("unauthorized"), message);
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }
}
