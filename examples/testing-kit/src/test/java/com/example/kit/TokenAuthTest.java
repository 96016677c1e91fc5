package com.example.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.testing.TestRegistry;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Token auth: the pusher pushes, the pull-only user reads but cannot push. */
@RegistryTest(auth = Auth.TOKEN)
class TokenAuthTest {

  @Test
  void aPullOnlyUserReadsButCannotPush(TestRegistry registry) throws Exception {
    Image image = Randoms.image(512, 2);
    Reference ref = registry.reference("team/app:1");
    Remote.write(ref, image, registry.options(registry.user("pusher")));

    RemoteOptions puller = registry.options(registry.user("puller"));
    assertEquals(image.digest(), Remote.image(ref, puller).digest());
    assertThrows(
        IOException.class,
        () -> Remote.write(registry.reference("team/app:2"), Randoms.image(64, 1), puller));
    registry.assertions().assertTags(registry.repository("team/app"), "1");
  }
}
