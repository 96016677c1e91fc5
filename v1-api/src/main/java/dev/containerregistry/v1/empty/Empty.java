package dev.containerregistry.v1.empty;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.partial.BlobOpener;
import dev.containerregistry.v1.partial.Partial;
import java.util.List;

/**
 * The empty image and the empty index: starting points for building images and indexes from nothing
 * ({@code FROM scratch}). Their bytes are those of go-containerregistry's {@code empty.Image} and
 * {@code empty.Index}, so they have the same digests.
 */
public final class Empty {

  private static final BlobOpener NO_BLOBS =
      digest -> {
        throw new ContentNotFoundException(digest, "the empty image");
      };

  private static final Image IMAGE =
      buildImage(MediaType.DOCKER_MANIFEST_SCHEMA2, MediaType.DOCKER_CONFIG_JSON);
  private static final Image OCI_IMAGE =
      buildImage(MediaType.OCI_MANIFEST, MediaType.OCI_CONFIG_JSON);
  private static final ImageIndex INDEX =
      Partial.index(
          IndexManifest.builder().mediaType(MediaType.OCI_IMAGE_INDEX).build().toJson(), NO_BLOBS);

  private Empty() {}

  /**
   * An image with no layers: a Docker schema 2 manifest and a config that sets only {@code
   * rootfs.type} to {@code layers}.
   */
  public static Image image() {
    return IMAGE;
  }

  /**
   * An image with no layers in OCI form: an OCI image manifest and an OCI image config, whose
   * config bytes are those of {@link #image()}. The usual base for building an OCI image from
   * files.
   */
  public static Image ociImage() {
    return OCI_IMAGE;
  }

  /** An OCI image index with no manifests. */
  public static ImageIndex index() {
    return INDEX;
  }

  private static Image buildImage(MediaType manifestType, MediaType configType) {
    byte[] config = ConfigFile.builder().build().toJson();
    byte[] manifest =
        Manifest.builder()
            .mediaType(manifestType)
            .config(Descriptor.of(configType, config.length, Hash.sha256(config)))
            .layers(List.of())
            .build()
            .toJson();
    return Partial.image(manifest, config, NO_BLOBS);
  }
}
