package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Config;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.stream.StreamLayer;
import dev.containerregistry.v1.validate.Validate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigMutationTest {

  @Test
  void changingTheConfigAfterAppendingAnUnreadStreamLayerSaysWhatToDoInstead() {
    Image withStream =
        Mutate.appendLayers(
            Empty.image(), StreamLayer.of(new ByteArrayInputStream(new byte[] {1, 2, 3})));

    NotComputedException e =
        assertThrows(
            NotComputedException.class,
            () -> Mutate.config(withStream, Config.builder().user("app").build()));

    assertTrue(
        e.getMessage().startsWith("replacing the config section needs the base image's config"),
        e.getMessage());
    assertTrue(e.getMessage().contains("before appending stream layers"), e.getMessage());
  }

  private final Image base = Randoms.image(20, 2);

  @Test
  void configReplacesOnlyTheRunSection() throws IOException {
    Config run = Config.builder().entrypoint(List.of("/app")).user("1000").build();

    Image image = Mutate.config(base, run);

    assertEquals(run, image.configFile().config());
    assertEquals(base.configFile().rootFs(), image.configFile().rootFs());
    assertEquals(base.configFile().history(), image.configFile().history());
    assertEquals(base.manifest().layers(), image.manifest().layers());
    Validate.image(image);
  }

  @Test
  void configEditKeepsTheFieldsItDoesNotSet() throws IOException {
    Image withUser = Mutate.config(base, Config.builder().user("1000").env(List.of("A=1")).build());

    Image image =
        Mutate.config(
            withUser,
            c -> c.entrypoint(List.of("/app/run")).workingDir("/app").env(List.of("B=2")));

    Config edited = image.configFile().config();
    assertEquals("1000", edited.user());
    assertEquals(List.of("/app/run"), edited.entrypoint());
    assertEquals("/app", edited.workingDir());
    assertEquals(List.of("B=2"), edited.env());
    assertEquals(withUser.configFile().rootFs(), image.configFile().rootFs());
    assertEquals(List.of(), withUser.configFile().config().entrypoint());
    Validate.image(image);
  }

  @Test
  void configEditThatReturnsNoBuilderIsRefused() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Mutate.config(base, c -> null));
    assertTrue(e.getMessage().contains("config edit returned no builder"), e.getMessage());
  }

  @Test
  void createdAtSetsTheCreationTime() throws IOException {
    Instant t = Instant.parse("2024-05-06T07:08:09Z");

    Image image = Mutate.createdAt(base, t);

    assertEquals(t, image.configFile().created());
    Validate.image(image);
  }

  @Test
  void configFileReplacesTheWholeConfig() throws IOException {
    ConfigFile file =
        base.configFile().toBuilder().architecture("arm64").os("linux").variant("v8").build();

    Image image = Mutate.configFile(base, file);

    assertEquals(file, image.configFile());
    assertArrayEquals(file.toJson(), image.rawConfigFile());
    assertEquals(Hash.sha256(file.toJson()), image.manifest().config().digest());
    Validate.image(image);
  }

  @Test
  void aConfigWithTooFewDiffIdsIsRefused() throws IOException {
    ConfigFile file =
        base.configFile().toBuilder()
            .rootFs(RootFs.of(base.configFile().rootFs().diffIds().subList(0, 1)))
            .build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mutate.configFile(base, file));

    assertTrue(e.getMessage().contains("1 DiffIDs but the image has 2 layers"), e.getMessage());
  }

  @Test
  void aConfigWithAnotherDiffIdIsRefused() throws IOException {
    List<Hash> diffIds = new ArrayList<>(base.configFile().rootFs().diffIds());
    Hash wrong = Hash.sha256(new byte[] {1});
    diffIds.set(1, wrong);
    ConfigFile file = base.configFile().toBuilder().rootFs(RootFs.of(diffIds)).build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mutate.configFile(base, file));

    assertTrue(e.getMessage().contains("DiffID 2 of the new config is " + wrong), e.getMessage());
  }

  @Test
  void aConfigWhoseHistoryListsOtherLayersIsRefused() throws IOException {
    ConfigFile file =
        base.configFile().toBuilder().history(List.of(History.builder().build())).build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mutate.configFile(base, file));

    assertTrue(e.getMessage().contains("history lists 1 layers"), e.getMessage());
  }

  @Test
  void annotationsAreMergedAndTheConfigBytesKept() throws IOException {
    Image once = Mutate.annotations(base, Map.of("a", "1", "b", "1"));
    Image twice = Mutate.annotations(once, Map.of("b", "2"));

    assertEquals(Map.of("a", "1", "b", "2"), twice.manifest().annotations());
    assertArrayEquals(base.rawConfigFile(), twice.rawConfigFile());
    assertEquals(base.configName(), twice.configName());
    Validate.image(twice);
  }

  @Test
  void annotationsWithANullValueAreRefused() {
    Map<String, String> annotations = new HashMap<>();
    annotations.put("k", null);

    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Mutate.annotations(base, annotations));

    assertEquals("the annotations of an image hold a null value for \"k\"", e.getMessage());
  }

  @Test
  void mediaTypeChangesTheManifestType() throws IOException {
    Image image = Mutate.mediaType(base, MediaType.OCI_MANIFEST);

    assertEquals(MediaType.OCI_MANIFEST, image.mediaType());
    assertEquals(MediaType.OCI_MANIFEST, image.manifest().mediaType().orElseThrow());
    Validate.image(image);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.layer.v1.tar+gzip",
        "application/vnd.oci.image.config.v1+json",
        "nonsense"
      })
  void anImageMediaTypeOfAnotherKindIsRefused(String bad) {
    MediaType type = MediaType.of(bad);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mutate.mediaType(base, type));

    assertTrue(e.getMessage().contains(bad), e.getMessage());
  }

  @Test
  void configMediaTypeChangesTheConfigDescriptorOnly() throws IOException {
    Image image = Mutate.configMediaType(base, MediaType.OCI_CONFIG_JSON);

    assertEquals(MediaType.OCI_CONFIG_JSON, image.manifest().config().mediaType());
    assertArrayEquals(base.rawConfigFile(), image.rawConfigFile());
    Validate.image(image);
  }

  @Test
  void replacingTheConfigOfAnArtifactIsRefused() throws IOException {
    Image artifact = Mutate.configMediaType(base, MediaType.of("application/vnd.example+json"));
    ConfigFile file = base.configFile();

    assertThrows(IllegalArgumentException.class, () -> Mutate.configFile(artifact, file));
  }
}
