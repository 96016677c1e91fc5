package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.compression.LayerCompression;
import dev.containerregistry.v1.compression.LayerCompressions;
import java.io.IOException;
import java.util.Optional;

/**
 * Which layers {@link Mutate#recompress} converts, and the media types of the result. Distributable
 * layers not already in the target format are converted; foreign and non-distributable layers, and
 * blobs that are not layers, are kept. A Docker manifest becomes an OCI one when the target is not
 * gzip, as Docker's media types have no other format.
 */
final class Recompression {

  private final LayerCompression compression;
  private final boolean dockerResult;

  private Recompression(LayerCompression compression, boolean dockerResult) {
    this.compression = compression;
    this.dockerResult = dockerResult;
  }

  /** The plan for {@code image}, whose manifest media type is read now (no layer is). */
  static Recompression of(Image image, LayerCompression compression) throws IOException {
    boolean gzip = compression.name().equals(LayerCompression.gzip().name());
    boolean docker = image.mediaType().equals(MediaType.DOCKER_MANIFEST_SCHEMA2);
    return new Recompression(compression, docker && gzip);
  }

  /** The manifest media type of the result. */
  MediaType manifestType(MediaType original) {
    return original.equals(MediaType.DOCKER_MANIFEST_SCHEMA2) && !dockerResult
        ? MediaType.OCI_MANIFEST
        : original;
  }

  /** The config media type of the result. */
  MediaType configType(MediaType original) {
    return original.equals(MediaType.DOCKER_CONFIG_JSON) && !dockerResult
        ? MediaType.OCI_CONFIG_JSON
        : original;
  }

  /** {@code layer} in the target format: converted lazily, or itself when it is kept. */
  Layer convert(Layer layer) throws IOException {
    MediaType type = layer.mediaType();
    boolean kept =
        !type.isLayer()
            || !type.isDistributable()
            || LayerCompressions.formatOf(type).equals(Optional.of(compression.name()));
    if (kept) {
      return layer;
    }
    MediaType newType = dockerResult ? MediaType.DOCKER_LAYER : compression.mediaType();
    return new RecompressedLayer(layer, compression, newType);
  }
}
