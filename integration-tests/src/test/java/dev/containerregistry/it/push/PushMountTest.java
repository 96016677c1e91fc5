package dev.containerregistry.it.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.SkopeoCheck;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.partial.ImageCore;
import dev.containerregistry.v1.partial.Partial;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.MountableLayer;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Pushing an image whose layers come from another repository of the same registry mounts them. */
@RegistryTest
class PushMountTest {

  @Test
  void mountsEveryBlobAndSendsNoBlobBytesTheSecondTime(RegistryContainer registry)
      throws Exception {
    Image image = Randoms.image(100_000, 3);
    Reference source = Reference.parse(registry.ref("mount/source:v1"));
    Recorder first = new Recorder();
    Remote.write(source, image, RemoteOptions.builder().progress(first).build());
    Reference target = Reference.parse(registry.ref("mount/target:v1"));
    Recorder second = new Recorder();

    Remote.write(
        target,
        fromRepository(image, source.context()),
        RemoteOptions.builder().progress(second).build());

    assertTrue(
        first.bytesTransferred() >= 3 * 100_000L,
        "the first push sent the blobs: " + first.bytesTransferred());
    assertEquals(0, second.bytesTransferred(), "no blob bytes the second time");
    assertEquals(4, second.events.size());
    assertTrue(
        second.events.stream().allMatch(e -> e.outcome() == BlobEvent.Outcome.MOUNTED),
        second.events.toString());
    assertEquals(second.last().total(), second.last().complete());
    RegistryHttp http = new RegistryHttp(registry);
    assertArrayEquals(image.rawManifest(), http.manifest("mount/target", "v1"));
    for (var layer : image.manifest().layers()) {
      assertEquals(Hash.sha256(http.blob("mount/target", layer.digest())), layer.digest());
    }
    SkopeoCheck.assertSkopeoSees(target.toString(), image);
  }

  /** {@code image} with layers that say they are stored in {@code source}, as pulled layers do. */
  static Image fromRepository(Image image, Repository source) {
    return Partial.image(
        new ImageCore() {
          @Override
          public byte[] rawManifest() throws IOException {
            return image.rawManifest();
          }

          @Override
          public byte[] rawConfigFile() throws IOException {
            return image.rawConfigFile();
          }

          @Override
          public Layer layer(Descriptor descriptor) throws IOException {
            return MountableLayer.of(image.layerByDigest(descriptor.digest()), source);
          }
        });
  }
}
