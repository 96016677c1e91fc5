package dev.containerregistry.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.Prerequisites;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryUser;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Push and pull against registries that demand credentials: basic (htpasswd) and token auth. */
class AuthEndToEndTest {

  @BeforeAll
  static void docker() {
    Prerequisites.requireDocker();
  }

  @Test
  void basicAuthPushAndPullSucceedWithTheRightPasswordAndFailClearlyWithAWrongOne()
      throws Exception {
    try (RegistryContainer registry =
        new RegistryContainer()
            .withAuth(Auth.BASIC)
            .withUsers(RegistryUser.pusher("alice", "s3cret"))) {
      registry.start();
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
  void tokenAuthGrantsPushToPushersAndOnlyPullToPullers() throws Exception {
    try (RegistryContainer registry =
        new RegistryContainer()
            .withAuth(Auth.TOKEN)
            .withUsers(
                RegistryUser.pusher("bob", "bob-pw"), RegistryUser.puller("carol", "carol-pw"))) {
      registry.start();
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
