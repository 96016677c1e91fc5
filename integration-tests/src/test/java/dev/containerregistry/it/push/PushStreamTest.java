package dev.containerregistry.it.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.SkopeoCheck;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.UploadMode;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stream layers pushed to registry:2, in both upload modes, checked with raw HTTP reads. */
@RegistryTest
class PushStreamTest {

  private static byte[] tar(int bytes) throws IOException {
    try (InputStream in = Randoms.layer(bytes, MediaType.DOCKER_LAYER).uncompressed()) {
      return in.readAllBytes();
    }
  }

  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  private static RemoteOptions options(UploadMode mode, Recorder recorder) {
    return RemoteOptions.builder()
        .uploadMode(mode)
        .chunkSize(256 * 1024)
        .progress(recorder)
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(UploadMode.class)
  void theSeedExampleUploadsATarFromAnInputStreamAsALayer(
      UploadMode mode, RegistryContainer registry) throws IOException {
    Repository repo =
        Repository.parse(registry.ref("seed/stream-" + mode.name().toLowerCase(Locale.ROOT)));
    byte[] tar = tar(3 * 1024 * 1024);
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(tar));
    Recorder recorder = new Recorder();

    Remote.writeLayer(repo, layer, options(mode, recorder));

    byte[] stored = new RegistryHttp(registry).blob(repo.repositoryStr(), layer.digest());
    assertEquals(layer.digest(), Hash.sha256(stored));
    assertEquals(layer.size(), stored.length);
    assertArrayEquals(tar, gunzip(stored));
    assertEquals(Hash.sha256(tar), layer.diffId());
    assertTrue(recorder.monotonic());
    assertTrue(recorder.last().done());
    assertEquals(layer.size(), recorder.last().total());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(UploadMode.class)
  void pushesAnAppendedImageOfThreeStreamLayers(UploadMode mode, RegistryContainer registry)
      throws Exception {
    List<byte[]> tars = List.of(tar(200_000), tar(300_000), tar(400_000));
    List<Layer> layers = new ArrayList<>();
    for (byte[] tar : tars) {
      layers.add(StreamLayer.of(new ByteArrayInputStream(tar)));
    }
    Image image = Mutate.appendLayers(Empty.image(), layers.toArray(Layer[]::new));
    Reference ref =
        Reference.parse(registry.ref("seed/appended:" + mode.name().toLowerCase(Locale.ROOT)));
    Recorder recorder = new Recorder();

    Remote.write(ref, image, options(mode, recorder));

    RegistryHttp http = new RegistryHttp(registry);
    String repo = ref.context().repositoryStr();
    assertArrayEquals(image.rawManifest(), http.manifest(repo, ref.identifier()));
    assertArrayEquals(image.rawManifest(), http.manifest(repo, image.digest().toString()));
    assertArrayEquals(image.rawConfigFile(), http.blob(repo, image.configName()));
    Manifest manifest = Manifest.parse(http.manifest(repo, ref.identifier()));
    for (int i = 0; i < tars.size(); i++) {
      byte[] blob = http.blob(repo, manifest.layers().get(i).digest());
      assertArrayEquals(tars.get(i), gunzip(blob));
      assertEquals(manifest.layers().get(i).size(), blob.length);
    }
    assertEquals(4, recorder.events.size(), "three layers and a config");
    assertTrue(recorder.monotonic());
    assertTrue(recorder.last().done());
    SkopeoCheck.assertSkopeoSees(ref.toString(), image);
  }
}
