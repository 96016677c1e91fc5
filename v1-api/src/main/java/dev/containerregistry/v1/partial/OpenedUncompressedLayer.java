package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** An uncompressed tar described by its DiffID and media type and opened on demand. */
final class OpenedUncompressedLayer implements UncompressedLayer {

  private final Hash diffId;
  private final MediaType mediaType;
  private final IoSupplier<InputStream> opener;

  OpenedUncompressedLayer(Hash diffId, MediaType mediaType, IoSupplier<InputStream> opener) {
    this.diffId = Objects.requireNonNull(diffId, "diffId");
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  @Override
  public Hash diffId() {
    return diffId;
  }

  @Override
  public MediaType mediaType() {
    return mediaType;
  }

  @Override
  public InputStream uncompressed() throws IOException {
    return opener.get();
  }

  @Override
  public String toString() {
    return "tar " + diffId + " as " + mediaType;
  }
}
