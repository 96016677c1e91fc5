package dev.containerregistry.it.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.it.support.Commands;
import dev.containerregistry.it.support.Skopeo;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.layout.AppendOptions;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.mutate.IndexAddendum;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCI layouts exchanged with skopeo, the reference implementation of {@code oci:DIR:ref}. */
@RegistryTest
class LayoutSkopeoTest {

  @Test
  void aLayoutWrittenByTheSdkIsCopiedBySkopeoWithTheSameManifestDigest(
      RegistryContainer registry, @TempDir Path dir) throws Exception {
    Image image = ociImage(300_000, 3);
    Layout.create(dir).append(image, AppendOptions.refName("v1"));
    String ref = registry.ref("layout/from-sdk:v1");

    Commands.run(
        List.of(
            "skopeo", "copy", "--dest-tls-verify=false", "oci:" + dir + ":v1", "docker://" + ref));

    assertEquals(image.digest(), Hash.sha256(Skopeo.rawManifest(ref)));
    Validate.image(Remote.image(Reference.parse(ref), RemoteOptions.defaults()));
  }

  @Test
  void aLayoutWrittenBySkopeoFromTheRegistryIsOpenedAndValidates(
      RegistryContainer registry, @TempDir Path dir) throws Exception {
    Image pushed = Randoms.image(200_000, 2);
    String ref = registry.ref("layout/to-skopeo:v1");
    Remote.write(Reference.parse(ref), pushed, RemoteOptions.defaults());
    Path layoutDir = dir.resolve("layout");

    Commands.run(
        List.of(
            "skopeo",
            "copy",
            "--src-tls-verify=false",
            "docker://" + ref,
            "oci:" + layoutDir + ":copied"));

    Image read = Layout.open(layoutDir).image("copied");
    Validate.image(read);
    byte[] skopeoManifest =
        Commands.run(List.of("skopeo", "inspect", "--raw", "oci:" + layoutDir + ":copied"))
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(Hash.sha256(skopeoManifest), read.digest());
    assertEquals(diffIds(pushed), diffIds(read));
  }

  /** skopeo lists only OCI media types of an {@code oci:} layout, so these images are OCI. */
  private static Image ociImage(long layerBytes, int layers) throws IOException {
    Image image =
        Mutate.configMediaType(
            Mutate.mediaType(Empty.image(), MediaType.OCI_MANIFEST), MediaType.OCI_CONFIG_JSON);
    for (int i = 0; i < layers; i++) {
      image = Mutate.appendLayers(image, Randoms.layer(layerBytes, MediaType.OCI_LAYER));
    }
    return image;
  }

  private static List<Hash> diffIds(Image image) throws IOException {
    List<Hash> diffIds = new ArrayList<>();
    for (Layer layer : image.layers()) {
      diffIds.add(layer.diffId());
    }
    return diffIds;
  }

  @Test
  void anIndexWithTwoPlatformsWrittenByTheSdkIsCopiedWholeBySkopeo(
      RegistryContainer registry, @TempDir Path dir) throws Exception {
    ImageIndex index =
        Mutate.appendManifests(
            Empty.index(),
            IndexAddendum.builder(ociImage(100_000, 1))
                .platform(Platform.of("linux", "amd64"))
                .build(),
            IndexAddendum.builder(ociImage(100_000, 2))
                .platform(Platform.of("linux", "arm64"))
                .build());
    Layout.create(dir).append(index, AppendOptions.refName("multi"));
    String ref = registry.ref("layout/multi:v1");

    Commands.run(
        List.of(
            "skopeo",
            "copy",
            "--all",
            "--preserve-digests",
            "--dest-tls-verify=false",
            "oci:" + dir + ":multi",
            "docker://" + ref));

    ImageIndex pulled = Remote.index(Reference.parse(ref), RemoteOptions.defaults());
    assertEquals(index.digest(), pulled.digest());
    Validate.index(pulled);
    Validate.index(Layout.open(dir).imageIndex("multi"));
  }
}
