package dev.containerregistry.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeTest {

  /**
   * Each known type answers the predicates: image, index, layer, config, distributable, schema1.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "application/vnd.oci.image.manifest.v1+json, true, false, false, false, true, false",
    "application/vnd.docker.distribution.manifest.v2+json, true, false, false, false, true, false",
    "application/vnd.oci.image.index.v1+json, false, true, false, false, true, false",
    "application/vnd.docker.distribution.manifest.list.v2+json, false, true, false, false, true,"
        + " false",
    "application/vnd.oci.image.config.v1+json, false, false, false, true, true, false",
    "application/vnd.docker.container.image.v1+json, false, false, false, true, true, false",
    "application/vnd.oci.image.layer.v1.tar+gzip, false, false, true, false, true, false",
    "application/vnd.oci.image.layer.v1.tar+zstd, false, false, true, false, true, false",
    "application/vnd.oci.image.layer.v1.tar, false, false, true, false, true, false",
    "application/vnd.docker.image.rootfs.diff.tar.gzip, false, false, true, false, true, false",
    "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip, false, false, true, false, false,"
        + " false",
    "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip, false, false, true, false,"
        + " false, false",
    "application/vnd.docker.distribution.manifest.v1+prettyjws, false, false, false, false, true,"
        + " true",
    "application/vnd.oci.empty.v1+json, false, false, false, false, true, false",
    "text/plain, false, false, false, false, true, false",
  })
  void predicatesClassifyKnownTypes(
      String value,
      boolean image,
      boolean index,
      boolean layer,
      boolean config,
      boolean distributable,
      boolean schema1) {
    MediaType type = MediaType.of(value);

    assertEquals(
        List.of(image, index, layer, config, distributable, schema1),
        List.of(
            type.isImage(),
            type.isIndex(),
            type.isLayer(),
            type.isConfig(),
            type.isDistributable(),
            type.isSchema1()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankValuesAreRefused(String blank) {
    assertThrows(IllegalArgumentException.class, () -> MediaType.of(blank));
  }
}
