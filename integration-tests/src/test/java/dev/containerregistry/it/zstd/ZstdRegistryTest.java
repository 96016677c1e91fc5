package dev.containerregistry.it.zstd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.it.support.Commands;
import dev.containerregistry.it.support.Skopeo;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Prerequisites;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.layout.AppendOptions;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.stream.StreamLayer;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarReader;
import dev.containerregistry.v1.validate.Validate;
import dev.containerregistry.v1.zstd.Zstd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zstd images between the SDK, registry:2 and skopeo, both ways: pushed by the SDK and copied by
 * skopeo (every blob verified, every layer decompressed by the system zstd to its DiffID), and
 * pushed by skopeo with {@code --dest-compress-format zstd}, then pulled, validated and extracted
 * by the SDK.
 */
@RegistryTest
class ZstdRegistryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RemoteOptions OPTIONS = RemoteOptions.defaults();

  @TempDir Path temp;

  @Test
  void aZstdImagePushedByTheSdkIsCopiedAndVerifiedBySkopeo(RegistryContainer registry)
      throws Exception {
    Prerequisites.requireTool("skopeo");
    Prerequisites.requireTool("zstd");
    Path tree = sampleTree(temp.resolve("tree"));
    Layer files =
        FileLayer.builder()
            .directory(tree, "/app")
            .compression(Zstd.compression())
            .parallelism(2)
            .build();
    Layer stream =
        StreamLayer.builder(Files.newInputStream(tarOf(tree)))
            .compression(Zstd.compression(9))
            .build();
    Image image = Mutate.appendLayers(Empty.ociImage(), files, stream);
    Reference ref = Reference.parse(registry.ref("zstd/sdk:1"));

    Remote.write(ref, image, OPTIONS);

    Path copy = temp.resolve("copy");
    Skopeo.Copied copied = Skopeo.copy(ref.toString(), copy);
    assertEquals(
        List.of(files.digest().toString(), stream.digest().toString()), copied.layerDigests());
    JsonNode manifest = JSON.readTree(Skopeo.rawManifest(ref.toString()));
    JsonNode config = JSON.readTree(Skopeo.rawConfig(ref.toString()));
    for (int i = 0; i < 2; i++) {
      assertEquals(
          MediaType.OCI_LAYER_ZSTD.value(),
          manifest.path("layers").get(i).path("mediaType").asText());
      String digest = copied.layerDigests().get(i);
      Path blob = copy.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
      Path tar = temp.resolve("layer" + i + ".tar");
      Commands.run(List.of("zstd", "-q", "-d", "-f", blob.toString(), "-o", tar.toString()));
      assertEquals(
          config.path("rootfs").path("diff_ids").get(i).asText(),
          Hash.sha256(Files.readAllBytes(tar)).toString(),
          "sha256 of zstd -d of layer " + i + " is its DiffID");
    }
  }

  @Test
  void anImagePushedBySkopeoAsZstdIsPulledValidatedAndExtracted(RegistryContainer registry)
      throws Exception {
    Prerequisites.requireTool("skopeo");
    Path tree = sampleTree(temp.resolve("tree"));
    Image gzipImage =
        Mutate.appendLayers(Empty.ociImage(), FileLayer.builder().directory(tree, "/app").build());
    Path layout = temp.resolve("layout");
    Layout.create(layout).append(gzipImage, AppendOptions.refName("1"));
    String ref = registry.ref("zstd/skopeo:1");

    Commands.run(
        List.of(
            "skopeo",
            "copy",
            "--dest-tls-verify=false",
            "--dest-compress-format",
            "zstd",
            "oci:" + layout + ":1",
            "docker://" + ref));

    Image pulled = Remote.image(Reference.parse(ref), OPTIONS);
    assertEquals(MediaType.OCI_LAYER_ZSTD, pulled.manifest().layers().get(0).mediaType());
    Validate.image(pulled);
    List<String> names = new ArrayList<>();
    try (InputStream fs = Mutate.extract(pulled)) {
      TarReader reader = new TarReader(fs, "the extracted image");
      for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
        names.add(entry.name());
        if (entry.name().equals("app/notes.txt")) {
          assertEquals("zstd from skopeo\n", new String(reader.content().readAllBytes(), UTF_8));
        }
      }
    }
    assertTrue(names.containsAll(List.of("app", "app/bin.dat", "app/notes.txt")), names::toString);
  }

  private static Path sampleTree(Path root) throws IOException {
    Files.createDirectories(root);
    byte[] bin = new byte[3 << 20];
    new SplittableRandom(19).nextBytes(bin);
    for (int i = 0; i < bin.length; i += 2) {
      bin[i] = (byte) (i % 7);
    }
    Files.write(root.resolve("bin.dat"), bin);
    Files.writeString(root.resolve("notes.txt"), "zstd from skopeo\n");
    return root;
  }

  private Path tarOf(Path tree) throws IOException {
    Path tar = temp.resolve("tree.tar");
    try (InputStream in = FileLayer.builder().directory(tree, "/app").build().uncompressed()) {
      Files.copy(in, tar);
    }
    return tar;
  }
}
