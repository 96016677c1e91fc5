package dev.containerregistry.v1.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class LayerCompressionsTest {

  private static final byte[] TAR =
      "not really a tar, but bytes to squeeze ".repeat(500).getBytes(StandardCharsets.UTF_8);

  @Test
  void readsTheFormatOffTheMediaType() {
    assertEquals(Optional.of("gzip"), LayerCompressions.formatOf(MediaType.OCI_LAYER));
    assertEquals(Optional.of("gzip"), LayerCompressions.formatOf(MediaType.DOCKER_LAYER));
    assertEquals(Optional.of("gzip"), LayerCompressions.formatOf(MediaType.DOCKER_FOREIGN_LAYER));
    assertEquals(Optional.of("zstd"), LayerCompressions.formatOf(MediaType.OCI_LAYER_ZSTD));
    assertEquals(
        Optional.of("zstd"), LayerCompressions.formatOf(MediaType.OCI_RESTRICTED_LAYER_ZSTD));
    assertEquals(Optional.empty(), LayerCompressions.formatOf(MediaType.OCI_UNCOMPRESSED_LAYER));
    assertEquals(Optional.empty(), LayerCompressions.formatOf(MediaType.DOCKER_UNCOMPRESSED_LAYER));
  }

  @Test
  void gzipIsBuiltInAndFirst() throws IOException {
    LayerCompression gzip = LayerCompressions.available().get(0);

    assertEquals("gzip", gzip.name());
    assertEquals(1, gzip.level());
    assertEquals(MediaType.OCI_LAYER, gzip.mediaType());
    assertEquals(Optional.of(gzip), LayerCompressions.named("GZIP"));
    assertEquals(gzip, LayerCompressions.forMediaType(MediaType.DOCKER_LAYER).orElseThrow());
    assertEquals(gzip, LayerCompressions.forWriting(MediaType.OCI_UNCOMPRESSED_LAYER));
  }

  @Test
  void gzipRoundTripsAndIsReadableByTheJdk() throws IOException {
    LayerCompression gzip = LayerCompression.gzip(9);
    byte[] compressed;
    try (InputStream in = gzip.compress(new ByteArrayInputStream(TAR), 4)) {
      compressed = in.readAllBytes();
    }

    assertTrue(compressed.length < TAR.length / 10);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      assertArrayEquals(TAR, in.readAllBytes());
    }
    try (InputStream in = gzip.decompress(new ByteArrayInputStream(compressed))) {
      assertArrayEquals(TAR, in.readAllBytes());
    }
    assertEquals(
        Optional.of("gzip"),
        LayerCompressions.detect(compressed, "blob").map(LayerCompression::name));
  }

  @Test
  void refusesAGzipLevelOutOfRangeQuotingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LayerCompression.gzip(10));
    assertEquals("the gzip level must be between 0 and 9, got 10", e.getMessage());
  }

  @Test
  void aPlainTarHasNoFormat() throws IOException {
    assertEquals(Optional.empty(), LayerCompressions.detect(TAR, "blob"));
    assertEquals(Optional.empty(), LayerCompressions.detect(new byte[0], "blob"));
  }

  @Test
  void zstdWithoutItsModuleNamesTheModule() {
    UnsupportedCompressionException byType =
        assertThrows(
            UnsupportedCompressionException.class,
            () -> LayerCompressions.forWriting(MediaType.OCI_LAYER_ZSTD));
    assertEquals(
        "media type application/vnd.oci.image.layer.v1.tar+zstd is zstd-compressed, and no layer"
            + " compression named 'zstd' is on the class path: add the module"
            + " dev.containerregistry:v1-zstd",
        byType.getMessage());

    UnsupportedCompressionException unknown =
        assertThrows(
            UnsupportedCompressionException.class,
            () -> LayerCompressions.forMediaType(new MediaType("application/x.tar+brotli")));
    assertEquals(
        "media type application/x.tar+brotli is brotli-compressed, and no layer compression named"
            + " 'brotli' is on the class path",
        unknown.getMessage());
  }
}
