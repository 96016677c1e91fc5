package dev.containerregistry.v1.random;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomsTest {

  private static byte[] tar(Layer layer) throws IOException {
    try (InputStream in = layer.uncompressed()) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 511, 512, 513, 10_000})
  void layerIsAUstarArchiveOfOneFileOfTheGivenSize(int size) throws IOException {
    byte[] tar = tar(Randoms.layer(size, MediaType.OCI_LAYER));
    int padded = (size + 511) / 512 * 512;
    assertEquals(512 + padded + 1024, tar.length);
    assertEquals("ustar\u000000", new String(tar, 257, 8, US_ASCII));
    assertTrue(new String(tar, 0, 12, US_ASCII).startsWith("random_file_"));
    assertEquals(size, Long.parseLong(new String(tar, 124, 11, US_ASCII), 8));
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : tar[i] & 0xff;
    }
    assertEquals(sum, Long.parseLong(new String(tar, 148, 6, US_ASCII), 8));
  }

  @Test
  void layersDifferFromCallToCall() throws IOException {
    assertNotEquals(
        Randoms.layer(100, MediaType.OCI_LAYER).digest(),
        Randoms.layer(100, MediaType.OCI_LAYER).digest());
  }

  @Test
  void layerRefusesANegativeSize() {
    assertThrows(IllegalArgumentException.class, () -> Randoms.layer(-1, MediaType.OCI_LAYER));
  }

  @Test
  void imageHasTheLayersAskedForAndValidates() throws IOException {
    Image image = Randoms.image(200, 3);
    assertEquals(3, image.layers().size());
    assertEquals(3, image.configFile().history().size());
    assertEquals(MediaType.DOCKER_MANIFEST_SCHEMA2, image.mediaType());
    assertEquals(MediaType.DOCKER_LAYER, image.layers().get(0).mediaType());
    Validate.image(image);
  }

  @Test
  void indexHasTheImagesAskedForAndValidates() throws IOException {
    ImageIndex index = Randoms.index(50, 1, 4);
    assertEquals(4, index.indexManifest().manifests().size());
    Validate.index(index);
  }
}
