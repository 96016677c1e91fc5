package dev.containerregistry.it.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.RegistryContainer;
import dev.containerregistry.it.RegistryExtension;
import dev.containerregistry.it.support.AuthRegistries;
import dev.containerregistry.it.support.TokenServer;
import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.ErrorCode;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushing to registries that require credentials: basic auth and the token protocol. */
class PushAuthTest {

  @BeforeAll
  static void docker() {
    RegistryExtension.requireDocker();
  }

  private static RemoteOptions as(String user, String password) {
    return RemoteOptions.builder()
        .auth(Authenticator.basic(user, password))
        .retry(RetryPolicy.none())
        .build();
  }

  @Test
  void pushesWithBasicCredentialsAndReportsWrongOnesByCode() throws Exception {
    Image image = Randoms.image(20_000, 2);
    try (RegistryContainer registry = AuthRegistries.basic("alice", "s3cret")) {
      Remote.write(Reference.parse(registry.ref("basic/app:v1")), image, as("alice", "s3cret"));

      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  Remote.write(
                      Reference.parse(registry.ref("basic/app:v2")), image, as("alice", "wrong")));
      assertTrue(causedByCode(e, ErrorCode.UNAUTHORIZED), e.toString());
      assertFalse(e.getMessage().contains("wrong"), "no password in " + e.getMessage());
    }
  }

  @Test
  void pushesAndMountsWithTokensReusingThem(@TempDir Path dir) throws Exception {
    Image image = Randoms.image(20_000, 3);
    Map<String, TokenServer.User> users =
        Map.of("bob", new TokenServer.User("pw", Set.of("pull", "push")));
    try (TokenServer tokens = new TokenServer(users, dir);
        RegistryContainer registry = AuthRegistries.token(tokens)) {
      Reference source = Reference.parse(registry.ref("token/source:v1"));
      Remote.write(source, image, as("bob", "pw"));
      int afterFirstPush = tokens.tokensIssued();
      assertEquals(1, afterFirstPush, "one token for the whole push");

      Recorder recorder = new Recorder();
      Reference target = Reference.parse(registry.ref("token/target:v1"));
      Remote.write(
          target,
          PushMountTest.fromRepository(image, source.context()),
          as("bob", "pw").toBuilder().progress(recorder).build());

      assertEquals(0, recorder.bytesSent(), recorder.events.toString());
      RegistryHttp http = new RegistryHttp(registry);
      assertThrows(
          IOException.class,
          () -> http.manifest("token/target", "v1"),
          "anonymous reads are refused");
      assertEquals(afterFirstPush + 1, tokens.tokensIssued());
    }
  }

  @Test
  void copiesAnIndexWithTokensMountingEveryBlobWithoutAskingForMoreScopes(@TempDir Path dir)
      throws Exception {
    ImageIndex index = Randoms.index(10_000, 2, 2);
    Map<String, TokenServer.User> users =
        Map.of("bob", new TokenServer.User("pw", Set.of("pull", "push")));
    try (TokenServer tokens = new TokenServer(users, dir);
        RegistryContainer registry = AuthRegistries.token(tokens)) {
      Reference source = Reference.parse(registry.ref("token/multi:v1"));
      Remote.writeIndex(source, index, as("bob", "pw"));
      int afterPush = tokens.tokensIssued();

      Recorder recorder = new Recorder();
      Reference target = Reference.parse(registry.ref("token/multi-copy:v1"));
      Remote.copy(source, target, as("bob", "pw").toBuilder().progress(recorder).build());

      assertEquals(2 * (2 + 1), recorder.events.size(), recorder.events.toString());
      assertTrue(
          recorder.events.stream().allMatch(e -> e.outcome() == BlobEvent.Outcome.MOUNTED),
          recorder.events.toString());
      assertEquals(
          afterPush + 2,
          tokens.tokensIssued(),
          "one token to read the source, one to push (with pull on the source)");
      assertEquals(index.digest(), Remote.head(target, as("bob", "pw")).digest());
    }
  }

  private static boolean causedByCode(Throwable e, ErrorCode code) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransportException te && te.hasCode(code)) {
        return true;
      }
    }
    return false;
  }
}
