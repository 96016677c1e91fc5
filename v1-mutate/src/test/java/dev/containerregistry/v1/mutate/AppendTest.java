package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Config;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.stream.StreamLayer;
import dev.containerregistry.v1.validate.Validate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppendTest {

  @Test
  void appendingNothingReturnsTheBase() {
    Image base = Randoms.image(10, 1);

    assertSame(base, Mutate.append(base));
    assertSame(base, Mutate.appendLayers(base));
  }

  @Test
  void nothingIsReadUntilTheManifestIsAskedForAndThenOnlyOnce() throws IOException {
    Image base = Randoms.image(10, 1);
    CountingLayer layer = new CountingLayer(Randoms.layer(100, MediaType.DOCKER_LAYER));

    Image image = Mutate.appendLayers(base, layer);
    List<Layer> layers = image.layers();
    image.mediaType();

    assertEquals(0, layer.reads());
    assertEquals(2, layers.size());
    assertSame(layer, layers.get(1));

    Hash digest = image.digest();
    int readsForManifest = layer.reads();
    image.manifest();
    image.configFile();
    image.rawConfigFile();
    image.configName();
    image.size();

    assertTrue(readsForManifest > 0);
    assertEquals(readsForManifest, layer.reads());
    assertEquals(digest, image.digest());
  }

  @Test
  void appendingKeepsTheBaseHistoryDiffIdsAndConfig() throws IOException {
    Image base = Mutate.config(Randoms.image(10, 2), Config.builder().env(List.of("A=1")).build());
    ConfigFile before = base.configFile();
    Layer layer = Randoms.layer(50, MediaType.DOCKER_LAYER);
    History step = History.builder().createdBy("RUN make").build();
    History env = History.builder().createdBy("ENV B=2").emptyLayer(true).build();

    Image image =
        Mutate.append(
            base,
            Addendum.builder().layer(layer).history(step).build(),
            Addendum.builder().history(env).build());
    ConfigFile after = image.configFile();

    assertEquals(List.of("A=1"), after.config().env());
    List<Hash> diffIds = new ArrayList<>(before.rootFs().diffIds());
    diffIds.add(layer.diffId());
    assertEquals(diffIds, after.rootFs().diffIds());
    List<History> history = new ArrayList<>(before.history());
    history.add(step);
    history.add(env);
    assertEquals(history, after.history());
    assertEquals(3, image.manifest().layers().size());
    Validate.image(image);
  }

  @Test
  void aBaseWithoutHistoryGetsBlankEntriesSoHistoryStaysAligned() throws IOException {
    Image base = Randoms.image(10, 2);
    Image noHistory =
        Mutate.configFile(base, base.configFile().toBuilder().history(List.of()).build());
    History step = History.builder().createdBy("COPY . /app").build();

    Image image =
        Mutate.append(
            noHistory,
            Addendum.builder()
                .layer(Randoms.layer(10, MediaType.DOCKER_LAYER))
                .history(step)
                .build());

    List<History> history = image.configFile().history();
    assertEquals(3, history.size());
    assertEquals(History.builder().build(), history.get(0));
    assertEquals(step, history.get(2));
    Validate.image(image);
  }

  @Test
  void addendumExtrasGoIntoTheLayerDescriptor() throws IOException {
    Layer layer = Randoms.layer(10, MediaType.DOCKER_LAYER);
    Addendum add =
        Addendum.builder()
            .layer(layer)
            .annotations(Map.of("org.example.k", "v"))
            .urls(List.of("https://example.com/blob"))
            .mediaType(MediaType.DOCKER_FOREIGN_LAYER)
            .build();

    Descriptor d = Mutate.append(Empty.image(), add).manifest().layers().get(0);

    assertEquals(MediaType.DOCKER_FOREIGN_LAYER, d.mediaType());
    assertEquals(Map.of("org.example.k", "v"), d.annotations());
    assertEquals(List.of("https://example.com/blob"), d.urls());
    assertEquals(layer.digest(), d.digest());
    assertEquals(layer.size(), d.size());
    Validate.image(Mutate.append(Empty.image(), add));
  }

  @Test
  void theBaseIsUnchanged() throws IOException {
    Image base = Randoms.image(10, 2);
    byte[] manifest = base.rawManifest();
    byte[] config = base.rawConfigFile();

    Image image = Mutate.appendLayers(base, Randoms.layer(10, MediaType.DOCKER_LAYER));
    image.digest();

    assertArrayEquals(manifest, base.rawManifest());
    assertArrayEquals(config, base.rawConfigFile());
    assertEquals(2, base.layers().size());
    assertNotEquals(base.digest(), image.digest());
    Validate.image(image);
  }

  @Test
  void threeStreamLayersGiveTheManifestOnlyOnceConsumed() throws IOException {
    Image base = Randoms.image(100, 2);
    List<StreamLayer> streams = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] tar = Tars.builder().file("file-" + i, "content " + i).build();
      streams.add(StreamLayer.of(new ByteArrayInputStream(tar)));
    }

    Image image = Mutate.appendLayers(base, streams.toArray(new Layer[0]));

    assertThrows(NotComputedException.class, image::manifest);
    assertThrows(NotComputedException.class, image::digest);
    assertEquals(5, image.layers().size());
    for (Layer layer : image.layers().subList(2, 5)) {
      try (InputStream in = layer.compressed()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }

    Hash digest = image.digest();
    List<Descriptor> layers = image.manifest().layers();
    for (int i = 0; i < 3; i++) {
      assertEquals(streams.get(i).digest(), layers.get(2 + i).digest());
      assertEquals(streams.get(i).size(), layers.get(2 + i).size());
      assertEquals(streams.get(i).diffId(), image.configFile().rootFs().diffIds().get(2 + i));
      assertSame(streams.get(i), image.layerByDigest(streams.get(i).digest()));
      assertSame(streams.get(i), image.layerByDiffId(streams.get(i).diffId()));
    }
    assertEquals(digest, image.digest());
    assertEquals(Hash.sha256(image.rawManifest()), digest);
    assertEquals(5, image.configFile().history().size());
  }

  @Test
  void aFailedComputationIsTriedAgain() throws IOException {
    CountingLayer flaky = new CountingLayer(Randoms.layer(10, MediaType.DOCKER_LAYER), 1);
    Image image = Mutate.appendLayers(Empty.image(), flaky);

    IOException e = assertThrows(IOException.class, image::manifest);

    assertEquals("planned failure", e.getMessage());
    assertEquals(1, image.manifest().layers().size());
  }

  @Test
  void concurrentCallersComputeOnce() throws Exception {
    CountingLayer layer = new CountingLayer(Randoms.layer(1000, MediaType.DOCKER_LAYER));
    Image image = Mutate.appendLayers(Randoms.image(10, 1), layer);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Hash>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Hash> call =
            () -> {
              start.await();
              return image.digest();
            };
        results.add(pool.submit(call));
      }
      start.countDown();
      Hash first = results.get(0).get();
      for (Future<Hash> result : results) {
        assertEquals(first, result.get());
      }
    } finally {
      pool.shutdownNow();
    }

    int afterAll = layer.reads();
    image.digest();
    assertEquals(afterAll, layer.reads());
    assertEquals(3, afterAll, "digest, size and DiffID, each asked once");
  }

  @Test
  void findsTheConfigBlobAndAppendedLayersByDigest() throws IOException {
    Layer layer = Randoms.layer(10, MediaType.DOCKER_LAYER);
    Image image = Mutate.appendLayers(Randoms.image(10, 1), layer);

    Layer config = image.layerByDigest(image.configName());

    try (InputStream in = config.compressed()) {
      assertArrayEquals(image.rawConfigFile(), in.readAllBytes());
    }
    assertSame(layer, image.layerByDigest(layer.digest()));
  }

  @Test
  void appendingToAnArtifactKeepsItsConfigBytes() throws IOException {
    MediaType artifact = MediaType.of("application/vnd.example.thing.v1+json");
    Image base = Mutate.configMediaType(Randoms.image(10, 1), artifact);

    Image image = Mutate.appendLayers(base, Randoms.layer(10, MediaType.OCI_LAYER));

    assertArrayEquals(base.rawConfigFile(), image.rawConfigFile());
    assertEquals(artifact, image.manifest().config().mediaType());
    assertEquals(2, image.manifest().layers().size());
    Validate.image(image);
  }

  @Test
  void aNullLayerIsRefusedByPosition() {
    Layer layer = Randoms.layer(10, MediaType.DOCKER_LAYER);

    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> Mutate.appendLayers(Empty.image(), layer, null, layer));

    assertEquals("appending layers to an image: layer 2 of 3 is null", e.getMessage());
  }

  @Test
  void aNullAddendumIsRefused() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class, () -> Mutate.append(Empty.image(), (Addendum) null));

    assertEquals("appending to an image: addendum 1 of 1 is null", e.getMessage());
  }

  @Test
  void anAddendumWithoutLayerMustBeAnEmptyLayerStep() {
    Addendum.Builder add = Addendum.builder().history(History.builder().createdBy("RUN x").build());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, add::build);

    assertTrue(e.getMessage().contains("empty_layer"), e.getMessage());
  }

  @Test
  void anAddendumWithALayerCannotBeMarkedEmpty() {
    Addendum.Builder add =
        Addendum.builder()
            .layer(Randoms.layer(1, MediaType.DOCKER_LAYER))
            .history(History.builder().emptyLayer(true).build());

    assertThrows(IllegalArgumentException.class, add::build);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a media type",
        "application/",
        "text/plain; charset=utf-8",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.container.image.v1+json"
      })
  void anAddendumMediaTypeMustBeALayerType(String bad) {
    Addendum.Builder add =
        Addendum.builder()
            .layer(Randoms.layer(1, MediaType.DOCKER_LAYER))
            .mediaType(MediaType.of(bad));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, add::build);

    assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
  }
}
