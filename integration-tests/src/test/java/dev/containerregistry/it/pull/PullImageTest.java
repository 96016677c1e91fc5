package dev.containerregistry.it.pull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.FetchedManifest;
import dev.containerregistry.v1.remote.PlatformNotFoundException;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

@RegistryTest
class PullImageTest {

  private static final Platform AMD64 = Platform.of("linux", "amd64");
  private static final Platform ARM64 = Platform.of("linux", "arm64").withVariant("v8");

  @Test
  void pullsWhatWasPushedWithEveryDigestIdentical(RegistryContainer registry) throws Exception {
    RawPush.Pushed pushed = new RawPush(registry).image("pull/image", "v1", AMD64, 3, 1);
    Reference ref = Reference.parse(registry.ref("pull/image:v1"));

    FetchedManifest fetched = Remote.get(ref, RemoteOptions.defaults());
    assertArrayEquals(pushed.manifest(), fetched.bytes());
    assertEquals(
        Descriptor.of(MediaType.OCI_MANIFEST, pushed.manifest().length, pushed.digest()),
        Remote.head(ref, RemoteOptions.defaults()));

    Image image = Remote.image(ref, RemoteOptions.defaults());
    assertEquals(pushed.digest(), image.digest());
    assertArrayEquals(pushed.config(), image.rawConfigFile());
    assertEquals(Hash.sha256(pushed.config()), image.configName());
    List<Layer> layers = image.layers();
    assertEquals(3, layers.size());
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      assertEquals(Hash.sha256(pushed.layers().get(i)), layer.digest());
      assertEquals(Hash.sha256(pushed.tars().get(i)), layer.diffId());
      try (InputStream compressed = layer.compressed()) {
        assertArrayEquals(pushed.layers().get(i), compressed.readAllBytes());
      }
      try (InputStream tar = layer.uncompressed()) {
        assertArrayEquals(pushed.tars().get(i), tar.readAllBytes());
      }
    }
  }

  @Test
  void pullsAnImageByDigest(RegistryContainer registry) throws Exception {
    RawPush.Pushed pushed = new RawPush(registry).image("pull/bydigest", "v1", AMD64, 1, 2);
    Reference ref = Reference.parse(registry.ref("pull/bydigest@" + pushed.digest()));
    assertArrayEquals(pushed.manifest(), Remote.image(ref, RemoteOptions.defaults()).rawManifest());
  }

  @Test
  void picksThePlatformFromAnIndex(RegistryContainer registry) throws Exception {
    RawPush push = new RawPush(registry);
    RawPush.Pushed amd = push.image("pull/multi", "amd64", AMD64, 1, 3);
    RawPush.Pushed arm = push.image("pull/multi", "arm64", ARM64, 1, 4);
    byte[] indexBytes = push.index("pull/multi", "v1", List.of(amd, arm), List.of(AMD64, ARM64));
    Reference ref = Reference.parse(registry.ref("pull/multi:v1"));

    assertEquals(amd.digest(), Remote.image(ref, RemoteOptions.defaults()).digest());
    RemoteOptions arm64 = RemoteOptions.builder().platform(Platform.parse("linux/arm64")).build();
    Image armImage = Remote.image(ref, arm64);
    assertEquals(arm.digest(), armImage.digest());
    assertEquals(ARM64, armImage.configFile().platform().orElseThrow());

    ImageIndex index = Remote.index(ref, RemoteOptions.defaults());
    assertEquals(Hash.sha256(indexBytes), index.digest());
    assertEquals(arm.digest(), index.image(arm.digest()).digest());

    RemoteOptions s390x = RemoteOptions.builder().platform(Platform.parse("linux/s390x")).build();
    PlatformNotFoundException e =
        assertThrows(PlatformNotFoundException.class, () -> Remote.image(ref, s390x));
    assertTrue(e.getMessage().contains("[linux/amd64, linux/arm64/v8]"), e.getMessage());
  }
}
