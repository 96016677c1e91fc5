package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.HttpSettings;
import dev.containerregistry.v1.remote.transport.LocalServer;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.Transports;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The upload protocol against a local server that keeps blobs in memory and injects faults. */
class PushTest {

  @AutoClose private final UploadRegistry registry = new UploadRegistry();
  private final List<Progress> updates = new CopyOnWriteArrayList<>();
  private final List<BlobEvent> events = new CopyOnWriteArrayList<>();

  private RemoteOptions options(UploadMode mode) {
    return RemoteOptions.builder()
        .smallBlobLimit(0)
        .auth(Authenticator.anonymous())
        .uploadMode(mode)
        .chunkSize(16 * 1024)
        .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 0))
        .progress(
            new ProgressListener() {
              @Override
              public void onProgress(Progress progress) {
                updates.add(progress);
              }

              @Override
              public void onBlob(BlobEvent event) {
                events.add(event);
              }
            })
        .build();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static StreamLayer stream(int size) {
    return StreamLayer.of(new ByteArrayInputStream(random(size)));
  }

  private static byte[] compressed(Layer layer) throws IOException {
    try (InputStream in = layer.compressed()) {
      return in.readAllBytes();
    }
  }

  private void assertProgressEndsComplete() {
    for (int i = 1; i < updates.size(); i++) {
      assertTrue(updates.get(i).total() >= updates.get(i - 1).total(), "total decreased at " + i);
      assertTrue(
          updates.get(i).complete() >= updates.get(i - 1).complete(), "complete decreased at " + i);
    }
    Progress last = updates.get(updates.size() - 1);
    assertTrue(last.done(), "last progress " + last);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(UploadMode.class)
  void uploadsAStreamLayerWithoutHeadAndCommitsTheDigestReadAfterwards(UploadMode mode)
      throws IOException {
    Repository repo = registry.repo("stream");
    StreamLayer layer = stream(100_000);

    Remote.writeLayer(repo, layer, options(mode));

    assertTrue(registry.hasBlob(repo, layer.digest()));
    assertEquals(List.of(), registry.server.requests("HEAD", "/v2/"));
    assertEquals(
        List.of(
            new BlobEvent(layer.digest(), BlobEvent.Outcome.UPLOADED, layer.size(), layer.size())),
        events);
    assertProgressEndsComplete();
    assertEquals(layer.size(), updates.get(updates.size() - 1).total());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void sendsASmallBlobWithTheRequestThatOpensItsUploadWithoutAHead(boolean declined)
      throws IOException {
    Repository repo = registry.repo("small");
    registry.declineMonolithicPost = declined;
    Layer layer = Randoms.layer(4096, MediaType.OCI_LAYER);
    RemoteOptions small = options(UploadMode.STREAMING).toBuilder().smallBlobLimit(8192).build();

    Remote.writeLayer(repo, layer, small);

    assertArrayEquals(compressed(layer), registry.blob(repo, layer.digest()));
    assertEquals(0, registry.server.requests("HEAD", "/v2/small/").size());
    assertEquals(0, registry.server.requests("PATCH", "/v2/small/").size());
    assertEquals(1, registry.server.requests("POST", "/v2/small/blobs/uploads/").size());
    assertEquals(
        declined ? 1 : 0, registry.server.requests("PUT", "/v2/small/blobs/uploads/").size());
    assertEquals(
        List.of(
            new BlobEvent(layer.digest(), BlobEvent.Outcome.UPLOADED, layer.size(), layer.size())),
        events);
    assertProgressEndsComplete();
  }

  @Test
  void skipsABlobTheRepositoryHasAfterAHead() throws IOException {
    Repository repo = registry.repo("skip");
    Layer layer = Randoms.layer(1000, MediaType.OCI_LAYER);
    Remote.writeLayer(repo, layer, options(UploadMode.STREAMING));
    events.clear();

    Remote.writeLayer(repo, layer, options(UploadMode.STREAMING));

    assertEquals(1, registry.server.requests("POST", "/v2/skip/blobs/uploads/").size());
    assertEquals(2, registry.server.requests("HEAD", "/v2/skip/blobs/").size());
    assertEquals(
        List.of(new BlobEvent(layer.digest(), BlobEvent.Outcome.EXISTED, layer.size(), 0)), events);
  }

  @Test
  void resumesAChunkedUploadAfterTheConnectionDropsMidPatch() throws IOException {
    Repository repo = registry.repo("resume");
    StreamLayer layer = stream(200_000);
    registry.dropNextPatchAfter = 5_000;

    Remote.writeLayer(repo, layer, options(UploadMode.CHUNKED));

    assertArrayEquals(compressedOf(200_000), registry.blob(repo, layer.digest()));
    assertEquals(
        1,
        registry.server.requests("GET", "/v2/resume/blobs/uploads/").size(),
        "asked for the offset once");
    List<String> ranges =
        registry.server.requests("PATCH", "/v2/resume/blobs/uploads/").stream()
            .map(r -> r.header("Content-Range"))
            .toList();
    assertEquals("0-16383", ranges.get(0));
    assertEquals("5000-16383", ranges.get(1), "resent only what the registry did not hold");
    assertProgressEndsComplete();
    assertEquals(layer.size(), updates.get(updates.size() - 1).complete());
  }

  @Test
  void resumesAChunkedUploadAfterAPatchOutlivesTheReadTimeout() throws IOException {
    Repository repo = registry.repo("stalled");
    StreamLayer layer = stream(200_000);
    registry.stallNextPatchAfter = 5_000;
    Transport impatient =
        Transports.http(HttpSettings.builder().readTimeout(Duration.ofMillis(500)).build());
    try {
      Remote.writeLayer(
          repo, layer, options(UploadMode.CHUNKED).toBuilder().transport(impatient).build());
    } finally {
      ((Closeable) impatient).close();
    }

    assertArrayEquals(compressedOf(200_000), registry.blob(repo, layer.digest()));
    assertEquals(
        1,
        registry.server.requests("GET", "/v2/stalled/blobs/uploads/").size(),
        "asked for the offset once");
    List<String> ranges =
        registry.server.requests("PATCH", "/v2/stalled/blobs/uploads/").stream()
            .map(r -> r.header("Content-Range"))
            .toList();
    assertEquals("0-16383", ranges.get(0));
    assertEquals("5000-16383", ranges.get(1), "resent only what the registry did not hold");
    assertEquals(1, registry.server.requests("POST", "/v2/stalled/blobs/uploads/").size());
  }

  @Test
  void refreshesAnExpiredTokenAndRestartsALayerThatCanBeReadAgain() throws IOException {
    Repository repo = registry.repo("expired");
    Layer layer = Randoms.layer(10_000, MediaType.OCI_LAYER);
    registry.requireToken = true;
    registry.expireTokenOnNextPatch = true;

    Remote.writeLayer(repo, layer, options(UploadMode.STREAMING));

    assertArrayEquals(compressed(layer), registry.blob(repo, layer.digest()));
    assertEquals(2, registry.tokensIssued(), "fetched a fresh token after the 401");
    assertEquals(2, registry.server.requests("POST", "/v2/expired/blobs/uploads/").size());
    List<String> patchTokens =
        registry.server.requests("PATCH", "/v2/expired/blobs/uploads/").stream()
            .map(r -> r.header("Authorization"))
            .toList();
    assertEquals(List.of("Bearer token-1", "Bearer token-2"), patchTokens);
    assertProgressEndsComplete();
  }

  /** The gzip bytes a stream layer of {@code size} random bytes produces. */
  private static byte[] compressedOf(int size) throws IOException {
    return compressed(stream(size));
  }

  @Test
  void resumesAChunkedUploadAfterA503() throws IOException {
    Repository repo = registry.repo("flaky");
    StreamLayer layer = stream(50_000);
    registry.failPatches.set(1);

    Remote.writeLayer(repo, layer, options(UploadMode.CHUNKED));

    assertTrue(registry.hasBlob(repo, layer.digest()));
  }

  @Test
  void readsTheRetryAfterOfAFailedChunk() {
    Repository repo = registry.repo("patient");
    registry.failPatches.set(1);
    registry.retryAfter = "3600";

    IOException e =
        assertThrows(
            IOException.class,
            () -> Remote.writeLayer(repo, stream(50_000), options(UploadMode.CHUNKED)));

    assertTrue(
        e.getMessage().endsWith("the registry asks to retry after PT1H, longer than PT5M"),
        e.getMessage());
    assertEquals(
        List.of(),
        registry.server.requests("GET", "/v2/patient/blobs/uploads/"),
        "gave up before resuming");
  }

  @Test
  void honoursTheRegistrysMinimumChunkLength() throws IOException {
    Repository repo = registry.repo("min");
    registry.minChunk = 40_000;

    Remote.writeLayer(repo, stream(100_000), options(UploadMode.CHUNKED));

    List<String> ranges =
        registry.server.requests("PATCH", "/v2/min/").stream()
            .map(r -> r.header("Content-Range"))
            .toList();
    assertEquals("0-39999", ranges.get(0));
  }

  @Test
  void restartsALayerThatCanBeReadAgainAfterA503() throws IOException {
    Repository repo = registry.repo("restart");
    Layer layer = Randoms.layer(10_000, MediaType.OCI_LAYER);
    registry.failPatches.set(1);

    Remote.writeLayer(repo, layer, options(UploadMode.STREAMING));

    assertArrayEquals(compressed(layer), registry.blob(repo, layer.digest()));
    assertEquals(2, registry.server.requests("POST", "/v2/restart/blobs/uploads/").size());
    assertProgressEndsComplete();
  }

  @Test
  void restartsAFileLayerFromByteZeroWhenItsFirstUploadIsDropped(@TempDir Path dir)
      throws IOException {
    Repository repo = registry.repo("files");
    Files.write(dir.resolve("app.bin"), random(50_000));
    FileLayer layer = FileLayer.builder().directory(dir, "/app").build();
    registry.dropNextPatchAfter = 1000;

    Remote.writeLayer(repo, layer, options(UploadMode.STREAMING));

    assertTrue(layer.computed(), "the restarted read computed the digest");
    assertArrayEquals(compressed(layer), registry.blob(repo, layer.digest()));
    assertEquals(2, registry.server.requests("PATCH", "/v2/files/blobs/uploads/").size());
    assertEquals(2, registry.server.requests("POST", "/v2/files/blobs/uploads/").size());
    assertEquals(0, registry.server.requests("HEAD", "/v2/files/").size(), "digest unknown first");
    assertProgressEndsComplete();
  }

  @Test
  void neverResendsAStreamLayerFromTheStart() throws IOException {
    Repository repo = registry.repo("once");
    registry.failPatches.set(1);
    StreamLayer layer = stream(10_000);

    IOException e =
        assertThrows(
            IOException.class, () -> Remote.writeLayer(repo, layer, options(UploadMode.STREAMING)));

    assertTrue(
        e.getMessage()
            .startsWith(
                "stream layer " + layer.digest() + " to " + repo + ": sending its data (PATCH): "),
        e.getMessage());
    assertTrue(e.getMessage().contains("status 503"), e.getMessage());
    assertEquals(1, registry.server.requests("PATCH", "/v2/once/").size());
  }

  @Test
  void refusesACorruptLocationNamingTheBlobAndTheStep() throws IOException {
    Repository repo = registry.repo("corrupt");
    Layer layer = Randoms.layer(100, MediaType.OCI_LAYER);
    registry.corruptLocation = "http://[::1";

    IOException e =
        assertThrows(
            IOException.class, () -> Remote.writeLayer(repo, layer, options(UploadMode.STREAMING)));

    assertEquals(
        "layer "
            + layer.digest()
            + " to "
            + repo
            + ": starting an upload (POST): POST "
            + registry.server.base()
            + "/v2/corrupt/blobs/uploads/: the registry sent a malformed Location 'http://[::1'",
        e.getMessage());
  }

  @Test
  void mountsALayerThatKnowsItsSourceRepository() throws IOException {
    Repository source = registry.repo("source");
    Layer layer = Randoms.layer(5000, MediaType.OCI_LAYER);
    Remote.writeLayer(source, layer, options(UploadMode.STREAMING));
    events.clear();
    Repository target = registry.repo("target");

    Remote.writeLayer(target, MountableLayer.of(layer, source), options(UploadMode.STREAMING));

    assertTrue(registry.hasBlob(target, layer.digest()));
    assertEquals(
        List.of(new BlobEvent(layer.digest(), BlobEvent.Outcome.MOUNTED, layer.size(), 0)), events);
    assertEquals(List.of(), registry.server.requests("PATCH", "/v2/target/"));
  }

  @Test
  void mountsTheConfigFromWhereTheLayersComeFrom() throws IOException {
    Repository source = registry.repo("source");
    List<Layer> layers =
        List.of(Randoms.layer(100, MediaType.OCI_LAYER), Randoms.layer(200, MediaType.OCI_LAYER));
    Remote.write(registry.ref("source:1"), new LayeredImage(layers), options(UploadMode.STREAMING));
    events.clear();
    List<Layer> pulled = layers.stream().<Layer>map(l -> MountableLayer.of(l, source)).toList();

    Remote.write(registry.ref("target:1"), new LayeredImage(pulled), options(UploadMode.STREAMING));

    assertEquals(3, events.size());
    assertTrue(
        events.stream()
            .allMatch(e -> e.outcome() == BlobEvent.Outcome.MOUNTED && e.bytesTransferred() == 0),
        events.toString());
    assertEquals(List.of(), registry.server.requests("PATCH", "/v2/target/"));
  }

  @Test
  void uploadsWhenTheRegistryDeclinesTheMount() throws IOException {
    Repository target = registry.repo("target");
    Layer layer = Randoms.layer(5000, MediaType.OCI_LAYER);

    Remote.writeLayer(
        target, MountableLayer.of(layer, registry.repo("empty")), options(UploadMode.STREAMING));

    assertTrue(registry.hasBlob(target, layer.digest()));
    assertEquals(
        1,
        registry.server.requests("POST", "/v2/target/").size(),
        "the declined mount's session is used");
    assertEquals(BlobEvent.Outcome.UPLOADED, events.get(0).outcome());
  }

  @Test
  void sendsTheConfigBesideLayersWhoseDigestsAreKnownAndTheManifestLast() throws Exception {
    Layer layer = Randoms.layer(50_000, MediaType.OCI_LAYER);
    Image image = new LayeredImage(List.of(layer));
    String configHead = "/v2/app/blobs/" + image.configName();
    String layerHead = "/v2/app/blobs/" + layer.digest();
    CountDownLatch configAsked = new CountDownLatch(1);
    boolean[] configBeforeLayer = {false};
    registry.fault =
        new UploadRegistry.Fault() {
          @Override
          public boolean matches(LocalServer.Recorded r) {
            if (r.method().equals("HEAD") && r.uri().getPath().equals(configHead)) {
              configAsked.countDown();
            }
            return r.method().equals("HEAD") && r.uri().getPath().equals(layerHead);
          }

          @Override
          public void answer(HttpExchange exchange) throws IOException {
            try {
              // The layer's check waits for the config's: only a config sent beside it comes.
              configBeforeLayer[0] = configAsked.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            LocalServer.respond(exchange, 404, "");
          }
        };

    Remote.write(registry.ref("app:v1"), image, options(UploadMode.STREAMING));

    assertTrue(configBeforeLayer[0], "the config was looked at while the layer's check waited");
    assertArrayEquals(image.rawManifest(), registry.manifest(registry.ref("app:v1")));
    List<String> order =
        registry.server.requests().stream().map(r -> r.method() + " " + r.uri().getPath()).toList();
    assertTrue(
        order.get(order.size() - 1).startsWith("PUT /v2/app/manifests/v1"), order.toString());
    assertProgressEndsComplete();
  }

  @Test
  void pushesAnImageOfStreamLayersConfigAfterLayersManifestLast() throws IOException {
    List<Layer> layers = List.of(stream(30_000), stream(40_000), stream(50_000));
    Image image = new LayeredImage(layers);

    Remote.write(registry.ref("app:v1"), image, options(UploadMode.STREAMING));

    Repository repo = registry.repo("app");
    assertArrayEquals(image.rawManifest(), registry.manifest(registry.ref("app:v1")));
    assertTrue(registry.hasBlob(repo, image.configName()));
    List<String> order =
        registry.server.requests().stream().map(r -> r.method() + " " + r.uri().getPath()).toList();
    int configCommit =
        order.indexOf(order.stream().filter(s -> s.startsWith("HEAD")).findFirst().orElseThrow());
    assertEquals(
        3,
        order.subList(0, configCommit).stream().filter(s -> s.startsWith("PUT")).count(),
        "three layers committed before the config is looked at");
    assertTrue(order.get(order.size() - 1).startsWith("PUT /v2/app/manifests/v1"));
    assertProgressEndsComplete();
  }

  @Test
  void boundsConcurrentTransfersByJobs() throws IOException {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      layers.add(stream(200_000 + i));
    }

    Remote.write(
        registry.ref("jobs:1"),
        new LayeredImage(layers),
        options(UploadMode.STREAMING).toBuilder().jobs(2).build());

    assertTrue(
        registry.maxPatchesInFlight() <= 2,
        "at most 2 PATCHes at once, saw " + registry.maxPatchesInFlight());
  }

  @Test
  void uploadsEachBlobOnceAcrossImagesAndTags() throws IOException {
    Image image = Randoms.image(1000, 3);
    ImageIndex index = Randoms.index(1000, 2, 2);

    Remote.multiWrite(
        Map.of(
            registry.ref("shared:a"),
            image,
            registry.ref("shared:b"),
            image,
            registry.ref("shared:idx"),
            index),
        options(UploadMode.STREAMING));

    int blobs = 3 + 1 + 2 * (2 + 1);
    assertEquals(blobs, registry.server.requests("POST", "/v2/shared/blobs/uploads/").size());
    assertArrayEquals(image.rawManifest(), registry.manifest(registry.ref("shared:a")));
    assertArrayEquals(image.rawManifest(), registry.manifest(registry.ref("shared:b")));
    assertArrayEquals(index.rawManifest(), registry.manifest(registry.ref("shared:idx")));
    for (var child : index.indexManifest().manifests()) {
      assertArrayEquals(
          index.image(child.digest()).rawManifest(),
          registry.manifest(registry.ref("shared@" + child.digest())));
    }
    assertProgressEndsComplete();
  }

  @Test
  void refusesManifestBytesThatDoNotMatchADigestReferenceBeforeSending() throws IOException {
    Image image = Randoms.image(10, 1);
    Hash other = Hash.sha256(new byte[] {1});

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Remote.put(registry.ref("x@" + other), image, options(UploadMode.STREAMING)));

    assertTrue(
        e.getMessage()
            .endsWith("the bytes hash to " + image.digest() + ", not to the reference's digest"),
        e.getMessage());
    assertEquals(List.of(), registry.server.requests("PUT", "/v2/"));
  }

  @Test
  void refusesValuesThatAreNeitherImagesNorIndexes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Remote.multiWrite(
                    Map.of(registry.ref("x:1"), "text"), options(UploadMode.STREAMING)));

    assertEquals(
        "cannot push "
            + registry.ref("x:1")
            + ": expected an Image or an ImageIndex, got java.lang.String",
        e.getMessage());
  }
}
