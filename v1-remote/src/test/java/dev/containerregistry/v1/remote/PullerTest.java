package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class PullerTest {

  private static final Platform AMD64 = Platform.of("linux", "amd64");
  private static final Platform ARM64 = Platform.of("linux", "arm64").withVariant("v8");
  private static final TestImage IMAGE = TestImage.of("amd64 image", AMD64);
  private static final TestImage ARM_IMAGE = TestImage.of("arm64 image", ARM64);

  @AutoClose private final TestRegistry registry = TestRegistry.start();
  private final Puller puller =
      Puller.over(Transports.http(), ProgressTracker.of(RemoteOptions.defaults()));

  @Test
  void fetchesTheManifestOnceTheConfigWhenAskedAndABlobOnlyWhenItsStreamIsOpened()
      throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    Image image = puller.image(registry.ref("test/app:1"), AMD64);
    assertEquals(IMAGE.digest(), image.digest());
    assertArrayEquals(IMAGE.manifest(), image.rawManifest());
    List<Layer> layers = image.layers();
    assertEquals(IMAGE.layerDigest(), layers.get(0).digest());
    assertEquals(IMAGE.layer().length, layers.get(0).size());
    assertEquals(1, registry.requests().size(), registry.requests().toString());

    assertEquals(AMD64, image.configFile().platform().orElseThrow());
    assertArrayEquals(IMAGE.config(), image.rawConfigFile());
    assertEquals(Hash.sha256(IMAGE.tar()), layers.get(0).diffId());
    assertEquals(2, registry.requests().size(), registry.requests().toString());

    try (InputStream in = layers.get(0).compressed()) {
      assertArrayEquals(IMAGE.layer(), in.readAllBytes());
    }
    assertEquals(
        List.of(
            "GET /v2/test/app/manifests/1",
            "GET /v2/test/app/blobs/" + IMAGE.configDigest(),
            "GET /v2/test/app/blobs/" + IMAGE.layerDigest()),
        registry.requests());
  }

  @Test
  void uncompressedInflatesTheLayerAndChecksItsDiffId() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    Layer layer = puller.image(registry.ref("test/app:1"), AMD64).layers().get(0);
    try (InputStream in = layer.uncompressed()) {
      assertArrayEquals(IMAGE.tar(), in.readAllBytes());
    }
  }

  @Test
  void uncompressedRefusesContentThatDoesNotMatchTheDiffIdOfTheConfig() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    Hash wrong = Hash.sha256(new byte[] {1});
    byte[] config =
        ConfigFile.parse(IMAGE.config()).toBuilder()
            .rootFs(RootFs.of(List.of(wrong)))
            .build()
            .toJson();
    TestImage lying = new TestImage(IMAGE.tar(), IMAGE.layer(), config, manifestWithConfig(config));
    lying.serve(registry, "test/lying", "1");
    Layer layer = puller.image(registry.ref("test/lying:1"), AMD64).layers().get(0);
    try (InputStream in = layer.uncompressed()) {
      VerificationException e = assertThrows(VerificationException.class, in::readAllBytes);
      assertEquals(wrong, e.expected());
      assertTrue(e.getMessage().contains("uncompressed content of layer"), e.getMessage());
    }
  }

  @Test
  void refusesABlobLongerThanItsDescriptorBeforeItEnds() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    byte[] longer = Arrays.copyOf(IMAGE.layer(), IMAGE.layer().length + 10);
    registry.on("/v2/test/app/blobs/" + IMAGE.layerDigest(), chunked(longer));
    Layer layer = puller.image(registry.ref("test/app:1"), AMD64).layers().get(0);
    try (InputStream in = layer.compressed()) {
      VerificationException e =
          assertThrows(
              VerificationException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
      assertTrue(
          e.getMessage().contains("is longer than the " + IMAGE.layer().length + " bytes"),
          e.getMessage());
    }
  }

  @Test
  void refusesABlobShorterThanItsDescriptorInsteadOfEnding() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    byte[] shorter = Arrays.copyOf(IMAGE.layer(), IMAGE.layer().length - 10);
    registry.on("/v2/test/app/blobs/" + IMAGE.layerDigest(), chunked(shorter));
    Layer layer = puller.image(registry.ref("test/app:1"), AMD64).layers().get(0);
    try (InputStream in = layer.compressed()) {
      VerificationException e =
          assertThrows(
              VerificationException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
      assertTrue(
          e.getMessage().contains("ended after " + shorter.length + " bytes"), e.getMessage());
    }
  }

  @Test
  void refusesABlobWhoseContentLengthDisagreesWithItsDescriptorBeforeReading() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    registry.blob("test/app", IMAGE.layerDigest(), Arrays.copyOf(IMAGE.layer(), 3));
    Layer layer = puller.image(registry.ref("test/app:1"), AMD64).layers().get(0);
    VerificationException e = assertThrows(VerificationException.class, layer::compressed);
    assertTrue(e.getMessage().contains("the registry sends 3 bytes"), e.getMessage());
  }

  @Test
  void refusesABlobWithAnotherDigestInsteadOfEnding() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    byte[] corrupt = IMAGE.layer().clone();
    corrupt[corrupt.length / 2] ^= 0x55;
    registry.blob("test/app", IMAGE.layerDigest(), corrupt);
    Layer layer = puller.image(registry.ref("test/app:1"), AMD64).layers().get(0);
    try (InputStream in = layer.compressed()) {
      VerificationException e =
          assertThrows(
              VerificationException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
      assertEquals(IMAGE.layerDigest(), e.expected());
    }
  }

  @Test
  void findsLayersByDigestByDiffIdAndTheConfigBlob() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    Image image = puller.image(registry.ref("test/app:1"), AMD64);
    assertEquals(IMAGE.layerDigest(), image.layerByDiffId(Hash.sha256(IMAGE.tar())).digest());
    assertEquals(IMAGE.layerDigest(), image.layerByDigest(IMAGE.layerDigest()).digest());
    try (InputStream config = image.layerByDigest(IMAGE.configDigest()).compressed()) {
      assertArrayEquals(IMAGE.config(), config.readAllBytes());
    }
    Hash absent = Hash.sha256(new byte[0]);
    assertThrows(ContentNotFoundException.class, () -> image.layerByDigest(absent));
    assertThrows(ContentNotFoundException.class, () -> image.layerByDiffId(absent));
  }

  @Test
  void picksTheImageForThePlatformFromAnIndex() throws IOException {
    serveIndex();
    Image arm = puller.image(registry.ref("test/multi:1"), Platform.parse("linux/arm64"));
    assertEquals(ARM_IMAGE.digest(), arm.digest());
    Image amd = puller.image(registry.ref("test/multi:1"), AMD64);
    assertEquals(IMAGE.digest(), amd.digest());
  }

  @Test
  void saysWhichPlatformsExistWhenNoneMatches() throws IOException {
    serveIndex();
    PlatformNotFoundException e =
        assertThrows(
            PlatformNotFoundException.class,
            () -> puller.image(registry.ref("test/multi:1"), Platform.parse("linux/s390x")));
    assertEquals(List.of(AMD64, ARM64), e.available());
    assertTrue(e.getMessage().contains("[linux/amd64, linux/arm64/v8]"), e.getMessage());
  }

  @Test
  void readsAnIndexAndItsChildrenByDigest() throws IOException {
    Hash indexDigest = serveIndex();
    ImageIndex index = puller.index(registry.ref("test/multi:1"));
    assertEquals(indexDigest, index.digest());
    assertEquals(2, index.indexManifest().manifests().size());
    assertEquals(ARM_IMAGE.digest(), index.image(ARM_IMAGE.digest()).digest());
    assertTrue(registry.requests().contains("GET /v2/test/multi/manifests/" + ARM_IMAGE.digest()));
    assertThrows(ContentNotFoundException.class, () -> index.image(Hash.sha256(new byte[0])));
    IOException notIndex =
        assertThrows(IOException.class, () -> index.imageIndex(ARM_IMAGE.digest()));
    assertTrue(notIndex.getMessage().contains("not an index"), notIndex.getMessage());
  }

  @Test
  void refusesToReadAnImageAsAnIndex() {
    IMAGE.serve(registry, "test/app", "1");
    IOException e = assertThrows(IOException.class, () -> puller.index(registry.ref("test/app:1")));
    assertTrue(
        e.getMessage().endsWith("is a " + MediaType.OCI_MANIFEST + ", not an index"),
        e.getMessage());
  }

  private Hash serveIndex() {
    IMAGE.serve(registry, "test/multi", "amd64");
    ARM_IMAGE.serve(registry, "test/multi", "arm64");
    byte[] index =
        IndexManifest.builder()
            .mediaType(MediaType.OCI_IMAGE_INDEX)
            .manifests(
                List.of(
                    Descriptor.of(MediaType.OCI_MANIFEST, IMAGE.manifest().length, IMAGE.digest())
                        .withPlatform(AMD64),
                    Descriptor.of(
                            MediaType.OCI_MANIFEST, ARM_IMAGE.manifest().length, ARM_IMAGE.digest())
                        .withPlatform(ARM64)))
            .build()
            .toJson();
    registry.manifest("test/multi", "1", MediaType.OCI_IMAGE_INDEX, index);
    return Hash.sha256(index);
  }

  private static byte[] manifestWithConfig(byte[] config) throws IOException {
    return Manifest.parse(IMAGE.manifest()).toBuilder()
        .config(Descriptor.of(MediaType.OCI_CONFIG_JSON, config.length, Hash.sha256(config)))
        .build()
        .toJson();
  }

  /** Answers with {@code body} in chunked encoding, so no length announces its size. */
  private static TestRegistry.Handler chunked(byte[] body) {
    return exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }
}
