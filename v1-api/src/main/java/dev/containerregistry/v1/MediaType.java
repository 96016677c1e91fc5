package dev.containerregistry.v1;

import java.util.Objects;
import java.util.Set;

/**
 * A media type as it appears in manifests and {@code Content-Type} headers. The set is open: any
 * string is a valid value, and the constants name the OCI and Docker types this SDK knows.
 *
 * @param value the media type string, for example {@code
 *     application/vnd.oci.image.manifest.v1+json}
 */
public record MediaType(String value) {

  /** An OCI descriptor as a document of its own. */
  public static final MediaType OCI_CONTENT_DESCRIPTOR =
      new MediaType("application/vnd.oci.descriptor.v1+json");

  /** An OCI image index. */
  public static final MediaType OCI_IMAGE_INDEX =
      new MediaType("application/vnd.oci.image.index.v1+json");

  /** An OCI image manifest. */
  public static final MediaType OCI_MANIFEST =
      new MediaType("application/vnd.oci.image.manifest.v1+json");

  /** An OCI image config. */
  public static final MediaType OCI_CONFIG_JSON =
      new MediaType("application/vnd.oci.image.config.v1+json");

  /** An OCI layer: a gzip-compressed tar. */
  public static final MediaType OCI_LAYER =
      new MediaType("application/vnd.oci.image.layer.v1.tar+gzip");

  /** An OCI layer: a zstd-compressed tar (described and copied, not decompressed). */
  public static final MediaType OCI_LAYER_ZSTD =
      new MediaType("application/vnd.oci.image.layer.v1.tar+zstd");

  /** An OCI layer: a plain tar. */
  public static final MediaType OCI_UNCOMPRESSED_LAYER =
      new MediaType("application/vnd.oci.image.layer.v1.tar");

  /** An OCI non-distributable layer, gzip-compressed (deprecated by the spec). */
  public static final MediaType OCI_RESTRICTED_LAYER =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");

  /** An OCI non-distributable layer, zstd-compressed (deprecated by the spec). */
  public static final MediaType OCI_RESTRICTED_LAYER_ZSTD =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");

  /** An OCI non-distributable layer, a plain tar (deprecated by the spec). */
  public static final MediaType OCI_UNCOMPRESSED_RESTRICTED_LAYER =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar");

  /** The OCI empty descriptor's content, {@code {}}, used as an artifact's config. */
  public static final MediaType OCI_EMPTY_JSON = new MediaType("application/vnd.oci.empty.v1+json");

  /** Docker's deprecated schema 1 manifest; refused by this SDK. */
  public static final MediaType DOCKER_MANIFEST_SCHEMA1 =
      new MediaType("application/vnd.docker.distribution.manifest.v1+json");

  /** Docker's deprecated signed schema 1 manifest; refused by this SDK. */
  public static final MediaType DOCKER_MANIFEST_SCHEMA1_SIGNED =
      new MediaType("application/vnd.docker.distribution.manifest.v1+prettyjws");

  /** A Docker schema 2 image manifest. */
  public static final MediaType DOCKER_MANIFEST_SCHEMA2 =
      new MediaType("application/vnd.docker.distribution.manifest.v2+json");

  /** A Docker manifest list (an index). */
  public static final MediaType DOCKER_MANIFEST_LIST =
      new MediaType("application/vnd.docker.distribution.manifest.list.v2+json");

  /** A Docker layer: a gzip-compressed tar. */
  public static final MediaType DOCKER_LAYER =
      new MediaType("application/vnd.docker.image.rootfs.diff.tar.gzip");

  /** A Docker image config. */
  public static final MediaType DOCKER_CONFIG_JSON =
      new MediaType("application/vnd.docker.container.image.v1+json");

  /** The config of a Docker plugin. */
  public static final MediaType DOCKER_PLUGIN_CONFIG =
      new MediaType("application/vnd.docker.plugin.v1+json");

  /** A Docker foreign layer, downloaded from its URLs rather than the registry. */
  public static final MediaType DOCKER_FOREIGN_LAYER =
      new MediaType("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

  /** A Docker layer: a plain tar. */
  public static final MediaType DOCKER_UNCOMPRESSED_LAYER =
      new MediaType("application/vnd.docker.image.rootfs.diff.tar");

  private static final Set<MediaType> IMAGES = Set.of(OCI_MANIFEST, DOCKER_MANIFEST_SCHEMA2);
  private static final Set<MediaType> INDEXES = Set.of(OCI_IMAGE_INDEX, DOCKER_MANIFEST_LIST);
  private static final Set<MediaType> CONFIGS = Set.of(OCI_CONFIG_JSON, DOCKER_CONFIG_JSON);
  private static final Set<MediaType> SCHEMA1 =
      Set.of(DOCKER_MANIFEST_SCHEMA1, DOCKER_MANIFEST_SCHEMA1_SIGNED);
  private static final Set<MediaType> LAYERS =
      Set.of(
          OCI_LAYER,
          OCI_LAYER_ZSTD,
          OCI_UNCOMPRESSED_LAYER,
          OCI_RESTRICTED_LAYER,
          OCI_RESTRICTED_LAYER_ZSTD,
          OCI_UNCOMPRESSED_RESTRICTED_LAYER,
          DOCKER_LAYER,
          DOCKER_FOREIGN_LAYER,
          DOCKER_UNCOMPRESSED_LAYER);
  private static final Set<MediaType> NON_DISTRIBUTABLE =
      Set.of(
          OCI_RESTRICTED_LAYER,
          OCI_RESTRICTED_LAYER_ZSTD,
          OCI_UNCOMPRESSED_RESTRICTED_LAYER,
          DOCKER_FOREIGN_LAYER);

  /** Refuses null and blank values; any other string is kept as given. */
  public MediaType {
    Objects.requireNonNull(value, "media type");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a media type cannot be blank, got \"" + value + "\"");
    }
  }

  /** The media type for {@code value}. */
  public static MediaType of(String value) {
    return new MediaType(value);
  }

  /** True for image manifests (OCI and Docker schema 2). */
  public boolean isImage() {
    return IMAGES.contains(this);
  }

  /** True for indexes (OCI image index and Docker manifest list). */
  public boolean isIndex() {
    return INDEXES.contains(this);
  }

  /** True for the layer types this SDK knows. */
  public boolean isLayer() {
    return LAYERS.contains(this);
  }

  /** True for image config types. */
  public boolean isConfig() {
    return CONFIGS.contains(this);
  }

  /** False for foreign and non-distributable layers, which registries need not store. */
  public boolean isDistributable() {
    return !NON_DISTRIBUTABLE.contains(this);
  }

  /** True for Docker's deprecated schema 1 manifests, which this SDK refuses. */
  public boolean isSchema1() {
    return SCHEMA1.contains(this);
  }

  /** The media type string itself. */
  @Override
  public String toString() {
    return value;
  }
}
