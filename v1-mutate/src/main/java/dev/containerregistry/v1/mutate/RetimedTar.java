package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import dev.containerregistry.v1.compression.LayerCompression;
import dev.containerregistry.v1.compression.LayerCompressions;
import dev.containerregistry.v1.partial.UncompressedLayer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A layer's tar with every entry's times set to one instant, produced as it is read from the
 * original layer's uncompressed stream. The DiffID is computed by one read, on first use.
 */
final class RetimedTar implements UncompressedLayer {

  private static final String OCI_LAYER_PREFIX = "application/vnd.oci.image.layer.";

  private final Layer original;
  private final Instant time;
  private final String description;
  private final Memo<Hash> diffId;

  /**
   * @param original the layer whose tar is rewritten
   * @param time the time every entry gets
   * @param description which layer this is, for messages
   */
  RetimedTar(Layer original, Instant time, String description) {
    this.original = original;
    this.time = time;
    this.description = description;
    this.diffId = new Memo<>(this::hash);
  }

  @Override
  public Hash diffId() throws IOException {
    return diffId.get();
  }

  /**
   * The original's format, when it is neither gzip nor a plain tar (zstd stays zstd, with its OCI
   * type); otherwise the gzip layer type of its family: OCI for OCI layers, Docker otherwise.
   */
  @Override
  public MediaType mediaType() throws IOException {
    MediaType type = original.mediaType();
    Optional<LayerCompression> format = LayerCompressions.forMediaType(type);
    if (format.isPresent() && !format.get().name().equals(LayerCompression.gzip().name())) {
      return format.get().mediaType();
    }
    return type.value().startsWith(OCI_LAYER_PREFIX) ? MediaType.OCI_LAYER : MediaType.DOCKER_LAYER;
  }

  @Override
  public InputStream uncompressed() {
    return RewrittenTar.stream(
        List.of(new RewrittenTar.Source(original::uncompressed, description)),
        entry -> Optional.of(entry.withTimes(time)));
  }

  private Hash hash() throws IOException {
    try (InputStream in = uncompressed()) {
      return Hash.sha256(in).hash();
    }
  }
}
