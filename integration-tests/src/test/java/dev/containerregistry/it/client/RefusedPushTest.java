package dev.containerregistry.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.Prerequisites;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryUser;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.ErrorCode;
import dev.containerregistry.v1.remote.transport.TransportException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A push the registry refuses fails with a typed error carrying the registry's code. registry:2
 * with token auth refuses a push by a user whose token grants only {@code pull} with {@code 401
 * UNAUTHORIZED} (its challenge asking for the {@code push} action), not with {@code 403 DENIED}.
 */
class RefusedPushTest {

  @BeforeAll
  static void docker() {
    Prerequisites.requireDocker();
  }

  @Test
  void aPushByAPullOnlyUserFailsWithTheRegistrysCodeAtTheUploadStep() throws Exception {
    try (RegistryContainer registry =
            new RegistryContainer()
                .withAuth(Auth.TOKEN)
                .withUsers(RegistryUser.puller("reader", "pw"));
        RegistryClient client =
            RegistryClient.builder()
                .options(RemoteOptions.builder().auth(Authenticator.basic("reader", "pw")).build())
                .build()) {
      registry.start();
      Reference ref = registry.reference("denied/app:1");

      TransportException e =
          assertThrows(TransportException.class, () -> client.write(ref, Randoms.image(4096, 1)));

      assertEquals(401, e.status(), e.toString());
      assertTrue(e.hasCode(ErrorCode.UNAUTHORIZED), e.toString());
      assertEquals(TransportException.Step.START_UPLOAD, e.step(), e.toString());
      assertEquals(ref.context().registry().name(), e.registry(), e.toString());
      assertEquals("denied/app", e.repository(), e.toString());
    }
  }
}
