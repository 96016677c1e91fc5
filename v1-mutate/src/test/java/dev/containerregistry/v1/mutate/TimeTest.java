package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.containerregistry.v1.Config;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.partial.StaticLayer;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class TimeTest {

  private static final Instant T = Instant.parse("2023-01-02T03:04:05Z");

  /** Two layers and an empty step between them, with times, authors and host fields set. */
  private static Image built(Instant when, MediaType layerType) throws IOException {
    Layer first =
        StaticLayer.fromTar(Tars.at(when).dir("etc").file("etc/a", "1").build(), layerType);
    Layer second = StaticLayer.fromTar(Tars.at(when).file("b", "22").build(), layerType);
    Image image =
        Mutate.append(
            Empty.image(),
            Addendum.builder().layer(first).history(step(when, "ADD a", false)).build(),
            Addendum.builder().history(step(when, "ENV X=1", true)).build(),
            Addendum.builder()
                .layer(second)
                .history(step(when, "ADD b", false))
                .annotations(Map.of("k", "v"))
                .build());
    ConfigFile file =
        image.configFile().toBuilder()
            .created(when)
            .container("c0ffee")
            .dockerVersion("24.0.0")
            .config(Config.builder().hostname("builder-host").env(List.of("X=1")).build())
            .build();
    return Mutate.configFile(image, file);
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  private static History step(Instant when, String createdBy, boolean empty) {
    return History.builder()
        .created(when)
        .author("someone")
        .createdBy(createdBy)
        .emptyLayer(empty)
        .build();
  }

  @Test
  void setsEveryFileTimeHistoryTimeAndTheCreationTime() throws IOException {
    Image image = Mutate.time(built(at("2019-01-01"), MediaType.DOCKER_LAYER), T);

    for (Layer layer : image.layers()) {
      for (Tars.Listed e : Tars.list(layer.uncompressed())) {
        assertEquals(T, e.entry().modTime(), e.entry().name());
      }
    }
    ConfigFile file = image.configFile();
    assertEquals(T, file.created());
    for (History h : file.history()) {
      assertEquals(T, h.created());
      assertEquals("", h.author());
    }
    assertEquals(
        List.of("ADD a", "ENV X=1", "ADD b"),
        file.history().stream().map(History::createdBy).toList());
    assertEquals(List.of("X=1"), file.config().env());
    assertEquals(Map.of("k", "v"), image.manifest().layers().get(1).annotations());
    Validate.image(image);
  }

  @Test
  void keepsFileContentAndWritesValidGzip() throws IOException {
    Image image = Mutate.time(built(T, MediaType.DOCKER_LAYER), T);

    Layer first = image.layers().get(0);
    try (InputStream gzip = new GZIPInputStream(first.compressed())) {
      assertEquals(Map.of("etc", "", "etc/a", "1"), Tars.contents(gzip));
    }
    assertEquals(MediaType.DOCKER_LAYER, first.mediaType());
  }

  @Test
  void ociLayersStayOciGzipLayers() throws IOException {
    Image image = Mutate.time(built(T, MediaType.OCI_UNCOMPRESSED_LAYER), T);

    assertEquals(MediaType.OCI_LAYER, image.manifest().layers().get(0).mediaType());
  }

  @Test
  void imagesBuiltAtDifferentTimesGetTheSameDigest() throws IOException {
    Image early = Mutate.time(built(at("2001-01-01"), MediaType.DOCKER_LAYER), T);
    Image late = Mutate.time(built(at("2022-02-02"), MediaType.DOCKER_LAYER), T);

    assertEquals(early.digest(), late.digest());
  }

  @Test
  void canonicalZeroesTimesAndHostFields() throws IOException {
    Image image = Mutate.canonical(built(T, MediaType.DOCKER_LAYER));

    ConfigFile file = image.configFile();
    assertEquals(ConfigFile.ZERO_TIME, file.created());
    assertEquals("", file.container());
    assertEquals("", file.dockerVersion());
    assertEquals("", file.config().hostname());
    assertEquals(List.of("X=1"), file.config().env());
    for (Tars.Listed e : Tars.list(image.layers().get(1).uncompressed())) {
      assertEquals(Instant.EPOCH, e.entry().modTime());
    }
    Validate.image(image);
  }

  @Test
  void canonicalIsReproducible() throws IOException {
    Image a = Mutate.canonical(built(at("2001-01-01"), MediaType.DOCKER_LAYER));
    Image b = Mutate.canonical(built(at("2011-01-01"), MediaType.DOCKER_LAYER));

    assertEquals(a.digest(), b.digest());
    assertNotEquals(built(T, MediaType.DOCKER_LAYER).digest(), a.digest());
  }

  @Test
  void anArtifactIsRefused() throws IOException {
    Image artifact =
        Mutate.configMediaType(
            built(T, MediaType.DOCKER_LAYER), MediaType.of("application/x.a+json"));

    assertThrows(IllegalArgumentException.class, () -> Mutate.time(artifact, T));
  }
}
