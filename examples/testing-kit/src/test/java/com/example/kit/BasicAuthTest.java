package com.example.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.testing.TestRegistry;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htpasswd auth: the kit's users get in, anyone else does not. */
@RegistryTest(auth = Auth.BASIC)
class BasicAuthTest {

  @Test
  void theKitsUserPushesAndAStrangerIsRefused(TestRegistry registry, @TempDir Path dir)
      throws Exception {
    Reference ref = registry.reference("private:1");
    Remote.write(ref, Randoms.image(256, 1), registry.options());

    RemoteOptions stranger =
        RemoteOptions.builder().auth(Authenticator.basic("pusher", "not-the-password")).build();
    IOException refused = assertThrows(IOException.class, () -> Remote.image(ref, stranger));
    assertTrue(refused.getMessage().contains("UNAUTHORIZED"), refused.getMessage());

    Path config = registry.dockerConfig(dir);
    assertTrue(Files.readString(config).contains(registry.container().hostPort()));
  }
}
