package dev.containerregistry.it.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.RegistryContainer;
import dev.containerregistry.it.RegistryExtension;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.MountableLayer;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pushing an image whose layers come from another repository of the same registry mounts them. */
@ExtendWith(RegistryExtension.class)
class PushMountTest {

  @Test
  void mountsEveryBlobAndSendsNoBlobBytesTheSecondTime(RegistryContainer registry) throws IOException {
    Image image = Randoms.image(100_000, 3);
    Reference source = Reference.parse(registry.ref("mount/source:v1"));
    Recorder first = new Recorder();
    Remote.write(source, image, RemoteOptions.builder().progress(first).build());
    Reference target = Reference.parse(registry.ref("mount/target:v1"));
    Recorder second = new Recorder();

    Remote.write(target, fromRepository(image, source.context()), RemoteOptions.builder().progress(second).build());

    assertTrue(first.bytesSent() >= 3 * 100_000L, "the first push sent the blobs: " + first.bytesSent());
    assertEquals(0, second.bytesSent(), "no blob bytes the second time");
    assertEquals(4, second.events.size());
    assertTrue(second.events.stream().allMatch(e -> e.outcome() == BlobEvent.Outcome.MOUNTED), second.events.toString());
    assertEquals(second.last().total(), second.last().complete());
    RegistryHttp http = new RegistryHttp(registry);
    assertArrayEquals(image.rawManifest(), http.manifest("mount/target", "v1"));
    for (var layer : image.manifest().layers()) {
      assertEquals(Hash.sha256(http.blob("mount/target", layer.digest())), layer.digest());
    }
  }

  /** {@code image} with layers that say they are stored in {@code source}, as pulled layers do. */
  static Image fromRepository(Image image, Repository source) {
    return new FromRepository(image, source);
  }

  /** An image whose layers say which repository holds them, as pulled layers do. */
  private record FromRepository(Image image, Repository source) implements Image {
    @Override
    public List<Layer> layers() throws IOException {
      return image.layers().stream().<Layer>map(l -> new Mountable(l, source)).toList();
    }

    @Override
    public MediaType mediaType() throws IOException {
      return image.mediaType();
    }

    @Override
    public long size() throws IOException {
      return image.size();
    }

    @Override
    public Hash configName() throws IOException {
      return image.configName();
    }

    @Override
    public ConfigFile configFile() throws IOException {
      return image.configFile();
    }

    @Override
    public byte[] rawConfigFile() throws IOException {
      return image.rawConfigFile();
    }

    @Override
    public Hash digest() throws IOException {
      return image.digest();
    }

    @Override
    public Manifest manifest() throws IOException {
      return image.manifest();
    }

    @Override
    public byte[] rawManifest() throws IOException {
      return image.rawManifest();
    }

    @Override
    public Layer layerByDigest(Hash digest) throws IOException {
      return new Mountable(image.layerByDigest(digest), source);
    }

    @Override
    public Layer layerByDiffId(Hash diffId) throws IOException {
      return new Mountable(image.layerByDiffId(diffId), source);
    }
  }

  private record Mountable(Layer layer, Repository sourceRepository) implements MountableLayer {
    @Override
    public Hash digest() throws IOException {
      return layer.digest();
    }

    @Override
    public Hash diffId() throws IOException {
      return layer.diffId();
    }

    @Override
    public InputStream compressed() throws IOException {
      return layer.compressed();
    }

    @Override
    public InputStream uncompressed() throws IOException {
      return layer.uncompressed();
    }

    @Override
    public long size() throws IOException {
      return layer.size();
    }

    @Override
    public MediaType mediaType() throws IOException {
      return layer.mediaType();
    }
  }
}
