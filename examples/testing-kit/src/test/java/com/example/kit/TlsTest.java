package com.example.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** An https registry with a CA of its own: the kit's options trust it, the JVM's defaults do not. */
@RegistryTest(auth = Auth.BASIC, tls = true)
class TlsTest {

  @Test
  void pushesOverHttpsTrustingOnlyTheGeneratedCa(TestRegistry registry) throws Exception {
    Image image = Randoms.image(2048, 2);
    Reference ref = registry.reference("secure/app:1");

    Remote.write(ref, image, registry.options());

    assertEquals(image.digest(), Remote.image(ref, registry.options()).digest());
    assertTrue(registry.container().baseUri().toString().startsWith("https://"));
    RemoteOptions jvmTrust =
        registry.options().toBuilder()
            .transport(dev.containerregistry.v1.remote.transport.Transports.http())
            .build();
    Reference direct =
        Reference.parse(registry.container().localHostPort() + "/" + registry.prefix() + "/x:1");
    assertThrows(IOException.class, () -> Remote.head(direct, jvmTrust));
  }
}
