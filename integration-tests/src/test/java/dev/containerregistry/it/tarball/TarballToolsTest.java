package dev.containerregistry.it.tarball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.it.support.Commands;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.tarball.Tarball;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tarballs exchanged with the Docker engine that {@code scripts/test} runs ({@code docker load},
 * {@code docker save}, {@code docker image inspect}) and with skopeo's {@code docker-archive:} and
 * {@code oci-archive:} transports.
 */
@RegistryTest
class TarballToolsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTarballWrittenByTheSdkIsLoadedByDockerWithItsTagLayersAndConfig(@TempDir Path dir)
      throws Exception {
    Image image = Randoms.image(200_000, 2);
    String tag = "sdk-tarball/loaded:" + image.configName().hex().substring(0, 12);
    Path file = dir.resolve("image.tar");
    Tarball.write(Map.of(Tag.parse(tag), image), file);

    try {
      String loaded = Commands.run(List.of("docker", "load", "-i", file.toString()));
      assertTrue(loaded.contains(tag), loaded);
      JsonNode inspected =
          JSON.readTree(Commands.run(List.of("docker", "image", "inspect", tag))).get(0);

      assertEquals(image.configName().toString(), inspected.path("Id").asText());
      assertTrue(inspected.path("RepoTags").toString().contains(tag), inspected.toString());
      List<String> layers = new ArrayList<>();
      inspected.path("RootFS").path("Layers").forEach(l -> layers.add(l.asText()));
      assertEquals(diffIds(image), layers);
    } finally {
      Commands.run(List.of("docker", "image", "rm", "-f", tag));
    }
  }

  @Test
  void skopeoReadsTheTarballAsADockerArchive(RegistryContainer registry, @TempDir Path dir)
      throws Exception {
    Image image = Randoms.image(100_000, 2);
    Path file = dir.resolve("image.tar");
    Tarball.write(Map.of(Tag.parse("example.com/app:1"), image), file);
    String ref = registry.ref("tarball/docker-archive:v1");

    Commands.run(
        List.of(
            "skopeo",
            "copy",
            "--dest-tls-verify=false",
            "docker-archive:" + file + ":example.com/app:1",
            "docker://" + ref));

    Image pushed = Remote.image(Reference.parse(ref), RemoteOptions.defaults());
    Validate.image(pushed);
    assertEquals(image.configName(), pushed.configName());
    assertEquals(diffIds(image), hexDiffIds(pushed));
  }

  @Test
  void skopeoReadsTheTarballAsAnOciArchive(RegistryContainer registry, @TempDir Path dir)
      throws Exception {
    Image image =
        Mutate.appendLayers(
            Mutate.configMediaType(
                Mutate.mediaType(Empty.image(), MediaType.OCI_MANIFEST), MediaType.OCI_CONFIG_JSON),
            Randoms.layer(100_000, MediaType.OCI_LAYER));
    Path file = dir.resolve("image.tar");
    Tarball.write(Map.of(Tag.parse("example.com/app:oci"), image), file);
    String ref = registry.ref("tarball/oci-archive:v1");

    Commands.run(
        List.of(
            "skopeo",
            "copy",
            "--dest-tls-verify=false",
            "oci-archive:" + file + ":oci",
            "docker://" + ref));

    Image pushed = Remote.image(Reference.parse(ref), RemoteOptions.defaults());
    assertEquals(image.digest(), pushed.digest());
    Validate.image(pushed);
  }

  @Test
  void aDockerSaveTarIsReadByTheSdkAndPushedToTheRegistry(
      RegistryContainer registry, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("saved.tar");
    Commands.run(List.of("docker", "save", "-o", file.toString(), "registry:2"));

    Image saved = Tarball.open(file).image(Tag.parse("registry:2"));
    Validate.image(saved);
    Reference ref = Reference.parse(registry.ref("tarball/from-docker-save:2"));
    Remote.write(ref, saved, RemoteOptions.defaults());

    Image pulled = Remote.image(ref, RemoteOptions.defaults());
    assertEquals(saved.digest(), pulled.digest());
    Validate.image(pulled);
    String id =
        JSON.readTree(Commands.run(List.of("docker", "image", "inspect", "registry:2")))
            .get(0)
            .path("Id")
            .asText();
    assertEquals(id, pulled.configName().toString());
  }

  private static List<String> diffIds(Image image) throws IOException {
    List<String> diffIds = new ArrayList<>();
    for (Layer layer : image.layers()) {
      diffIds.add(layer.diffId().toString());
    }
    return diffIds;
  }

  private static List<String> hexDiffIds(Image image) throws IOException {
    List<String> diffIds = new ArrayList<>();
    for (Hash diffId : image.configFile().rootFs().diffIds()) {
      diffIds.add(diffId.toString());
    }
    return diffIds;
  }
}
