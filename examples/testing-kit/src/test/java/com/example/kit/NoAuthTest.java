package com.example.kit;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.testing.TestRegistry;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import org.junit.jupiter.api.Test;

/** The smallest use: a shared registry:2, a push, and assertions about what it holds. */
@RegistryTest
class NoAuthTest {

  @Test
  void pushesAnImageTheRegistryThenHolds(TestRegistry registry) throws Exception {
    Image image = Randoms.image(1024, 3);
    Reference ref = registry.reference("app:1");

    Remote.write(ref, image, registry.options());

    registry.assertions().assertTags(registry.repository("app"), "1");
    registry.assertions().assertManifest(ref, image.digest());
    registry.assertions().assertLayerCount(ref, 3);
  }

  @Test
  void seedsAFixtureThatTheCodeUnderTestReads(TestRegistry registry) throws Exception {
    Image fixture = Randoms.image(512, 1);
    Reference ref = registry.seed(fixture, "fixture:1");

    Image read = Remote.image(ref, registry.options());

    org.junit.jupiter.api.Assertions.assertEquals(fixture.digest(), read.digest());
  }
}
