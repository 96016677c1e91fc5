package dev.containerregistry.v1.partial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.validate.Validate;
import dev.containerregistry.v1.validate.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An index and images read from an OCI layout written by go-containerregistry. */
class LayoutTest {

  private static final Hash IMAGE =
      Hash.parse("sha256:eebff607b1628d67459b0596643fc07de70d702eccf030f0bc7bb6fc2b278650");
  private static final Hash CONFIG =
      Hash.parse("sha256:6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e");
  private static final Hash LAYER =
      Hash.parse("sha256:dc52c6e48a1d51a96047b059f16889bc889c4b4c28f3b36b3f93187f62fc0b2b");
  private static final Hash DIFF_ID =
      Hash.parse("sha256:8897395fd26dc44ad0e2a834335b33198cb41ac4d98dfddf58eced3853fa7b17");
  private static final Hash NESTED_INDEX =
      Hash.parse("sha256:05f95b26ed10668b7183c1e2da98610e91372fa9f510046d4ce5812addad86b5");

  private final LayoutBlobs blobs = new LayoutBlobs();
  private final ImageIndex index = Partial.index(LayoutBlobs.indexJson(), blobs);

  @Test
  void indexKeepsItsExactBytes() throws IOException {
    assertArrayEquals(LayoutBlobs.indexJson(), index.rawManifest());
    assertEquals(Hash.sha256(LayoutBlobs.indexJson()), index.digest());
    assertEquals(LayoutBlobs.indexJson().length, index.size());
    assertEquals(MediaType.OCI_IMAGE_INDEX, index.mediaType());
    assertEquals(4, index.indexManifest().manifests().size());
  }

  @Test
  void imageFromTheIndexHasTheDigestOfItsBlob() throws IOException {
    Image image = index.image(IMAGE);
    assertEquals(IMAGE, image.digest());
    assertArrayEquals(LayoutBlobs.blob(IMAGE.hex()), image.rawManifest());
    assertEquals(MediaType.DOCKER_MANIFEST_SCHEMA2, image.mediaType());
    assertEquals(CONFIG, image.configName());
    assertArrayEquals(LayoutBlobs.blob(CONFIG.hex()), image.rawConfigFile());
    assertEquals("amd64", image.configFile().architecture());
  }

  @Test
  void layersTakeTheirDiffIdFromTheConfigWithoutOpeningTheBlob() throws IOException {
    Image image = index.image(IMAGE);
    image.configFile();
    Layer layer = image.layers().get(0);
    int before = blobs.opened;
    assertEquals(LAYER, layer.digest());
    assertEquals(167, layer.size());
    assertEquals(DIFF_ID, layer.diffId());
    assertEquals(before, blobs.opened);
  }

  @Test
  void layerContentGunzipsToItsDiffId() throws IOException {
    Layer layer = index.image(IMAGE).layers().get(0);
    try (InputStream in = layer.uncompressed()) {
      assertEquals(DIFF_ID, Hash.sha256(in).hash());
    }
  }

  @Test
  void layersAreFoundByDigestAndByDiffIdAndTheConfigByItsDigest() throws IOException {
    Image image = index.image(IMAGE);
    assertEquals(LAYER, image.layerByDigest(LAYER).digest());
    assertEquals(LAYER, image.layerByDiffId(DIFF_ID).digest());
    try (InputStream in = image.layerByDigest(CONFIG).compressed()) {
      assertArrayEquals(LayoutBlobs.blob(CONFIG.hex()), in.readAllBytes());
    }
  }

  @Test
  void unknownDigestsAreReportedByType() throws IOException {
    Image image = index.image(IMAGE);
    Hash unknown = Hash.sha256(new byte[] {1});
    assertEquals(
        unknown,
        assertThrows(ContentNotFoundException.class, () -> image.layerByDigest(unknown)).digest());
    assertThrows(ContentNotFoundException.class, () -> image.layerByDiffId(unknown));
    assertThrows(ContentNotFoundException.class, () -> index.image(unknown));
  }

  @Test
  void nestedIndexesAreOpenedAsIndexesNotImages() throws IOException {
    ImageIndex nested = index.imageIndex(NESTED_INDEX);
    assertEquals(NESTED_INDEX, nested.digest());
    assertEquals(IMAGE, nested.image(IMAGE).digest());
    IOException e = assertThrows(IOException.class, () -> index.image(NESTED_INDEX));
    assertTrue(e.getMessage().contains("is an index"), e.getMessage());
  }

  @Test
  void validationFindsOnlyTheMediaTypeSlipsOfTheLayout() {
    ValidationException e = assertThrows(ValidationException.class, () -> Validate.index(index));
    String slip =
        "manifests[0] "
            + IMAGE
            + " media type: descriptor vs document: "
            + MediaType.OCI_MANIFEST
            + " != "
            + MediaType.DOCKER_MANIFEST_SCHEMA2;
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.problems().stream().allMatch(p -> p.endsWith(slip)), e.getMessage());
  }

  @Test
  void imageFromRawManifestAndConfig() throws IOException {
    Image image =
        Partial.image(LayoutBlobs.blob(IMAGE.hex()), LayoutBlobs.blob(CONFIG.hex()), blobs);
    assertEquals(IMAGE, image.digest());
    assertEquals(List.of(DIFF_ID), image.configFile().rootFs().diffIds());
    assertEquals(LAYER, Partial.descriptor(image.layers().get(0)).digest());
    assertEquals("linux/amd64", Partial.descriptor(image).platform().orElseThrow().toString());
  }
}
