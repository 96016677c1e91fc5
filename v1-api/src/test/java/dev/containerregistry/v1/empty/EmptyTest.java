package dev.containerregistry.v1.empty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The golden bytes are those go-containerregistry's empty.Image and empty.Index hold. */
class EmptyTest {

  private static final String CONFIG =
      "{\"architecture\":\"\",\"created\":\"0001-01-01T00:00:00Z\",\"os\":\"\","
          + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":null},\"config\":{}}";
  private static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
          + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\","
          + "\"size\":115,\"digest\":"
          + "\"sha256:5b943e2b943f6c81dbbd4e2eca5121f4fcc39139e3d1219d6d89bd925b77d9fe\"},"
          + "\"layers\":[]}";
  private static final String INDEX =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
          + "\"manifests\":[]}";

  @Test
  void imageConfigHasGoBytes() throws IOException {
    assertEquals(CONFIG, new String(Empty.image().rawConfigFile(), UTF_8));
    assertEquals(
        Hash.parse("sha256:5b943e2b943f6c81dbbd4e2eca5121f4fcc39139e3d1219d6d89bd925b77d9fe"),
        Empty.image().configName());
  }

  @Test
  void imageManifestHasGoBytes() throws IOException {
    assertEquals(MANIFEST, new String(Empty.image().rawManifest(), UTF_8));
    assertEquals(
        Hash.parse("sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4"),
        Empty.image().digest());
    assertEquals(MediaType.DOCKER_MANIFEST_SCHEMA2, Empty.image().mediaType());
  }

  @Test
  void imageHasNoLayers() throws IOException {
    assertEquals(0, Empty.image().layers().size());
    assertEquals("layers", Empty.image().configFile().rootFs().type());
    Hash any = Hash.sha256(new byte[0]);
    assertThrows(ContentNotFoundException.class, () -> Empty.image().layerByDiffId(any));
  }

  @Test
  void indexHasGoBytes() throws IOException {
    assertEquals(INDEX, new String(Empty.index().rawManifest(), UTF_8));
    assertEquals(
        Hash.parse("sha256:dff9de10919148711140d349bf03f1a99eb06f94b03e51715ccebfa7cdc518e2"),
        Empty.index().digest());
    assertEquals(MediaType.OCI_IMAGE_INDEX, Empty.index().mediaType());
    assertThrows(ContentNotFoundException.class, () -> Empty.index().image(Empty.image().digest()));
  }

  @Test
  void ociImageHasOciManifestAndConfigTypes() throws IOException {
    Image oci = Empty.ociImage();
    assertEquals(MediaType.OCI_MANIFEST, oci.mediaType());
    assertEquals(Optional.of(MediaType.OCI_MANIFEST), oci.manifest().mediaType());
    assertEquals(MediaType.OCI_CONFIG_JSON, oci.manifest().config().mediaType());
    assertEquals(CONFIG, new String(oci.rawConfigFile(), UTF_8));
    assertEquals(
        Hash.parse("sha256:5b943e2b943f6c81dbbd4e2eca5121f4fcc39139e3d1219d6d89bd925b77d9fe"),
        oci.configName());
    assertEquals(0, oci.layers().size());
  }
}
