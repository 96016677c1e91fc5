package dev.containerregistry.it.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.testing.RegistryUser;
import dev.containerregistry.testing.Sharing;
import dev.containerregistry.testing.TestRegistry;
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
import org.junit.jupiter.api.Test;

/** Pushing to registries that require credentials: basic auth and the token protocol. */
@RegistryTest(auth = Auth.TOKEN, sharing = Sharing.PER_CLASS)
class PushAuthTest {

  private static RemoteOptions as(String user, String password) {
    return RemoteOptions.builder()
        .auth(Authenticator.basic(user, password))
        .retry(RetryPolicy.none())
        .build();
  }

  @Test
  void pushesWithBasicCredentialsAndReportsWrongOnesByCode() throws Exception {
    Image image = Randoms.image(20_000, 2);
    try (RegistryContainer registry =
        new RegistryContainer()
            .withAuth(Auth.BASIC)
            .withUsers(RegistryUser.pusher("alice", "s3cret"))) {
      registry.start();
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
  void pushesAndMountsWithTokensReusingThem(TestRegistry registry) throws Exception {
    Image image = Randoms.image(20_000, 3);
    int before = registry.container().tokensIssued();
    Reference source = registry.reference("token/source:v1");
    Remote.write(source, image, registry.options());
    int afterFirstPush = registry.container().tokensIssued();
    assertEquals(before + 1, afterFirstPush, "one token for the whole push");

    Recorder recorder = new Recorder();
    Reference target = registry.reference("token/target:v1");
    Remote.write(
        target,
        PushMountTest.fromRepository(image, source.context()),
        registry.options().toBuilder().progress(recorder).build());

    assertEquals(0, recorder.bytesTransferred(), recorder.events.toString());
    RegistryHttp http = new RegistryHttp(registry.container());
    assertThrows(
        IOException.class,
        () -> http.manifest(registry.prefix() + "/token/target", "v1"),
        "anonymous reads are refused");
    assertEquals(afterFirstPush + 1, registry.container().tokensIssued());
  }

  @Test
  void copiesAnIndexWithTokensMountingEveryBlobWithoutAskingForMoreScopes(TestRegistry registry)
      throws Exception {
    ImageIndex index = Randoms.index(10_000, 2, 2);
    Reference source = registry.reference("token/multi:v1");
    Remote.writeIndex(source, index, registry.options());
    int afterPush = registry.container().tokensIssued();

    Recorder recorder = new Recorder();
    Reference target = registry.reference("token/multi-copy:v1");
    Remote.copy(source, target, registry.options().toBuilder().progress(recorder).build());

    assertEquals(2 * (2 + 1), recorder.events.size(), recorder.events.toString());
    assertTrue(
        recorder.events.stream().allMatch(e -> e.outcome() == BlobEvent.Outcome.MOUNTED),
        recorder.events.toString());
    assertEquals(
        afterPush + 2,
        registry.container().tokensIssued(),
        "one token to read the source, one to push (with pull on the source)");
    assertEquals(index.digest(), Remote.head(target, registry.options()).digest());
    registry.assertions().assertManifest(target, index.digest());
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
