package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/** A compressed blob described by known values and opened on demand. */
final class OpenedCompressedLayer implements CompressedLayer {

  private final Hash digest;
  private final long size;
  private final MediaType mediaType;
  private final IoSupplier<InputStream> opener;
  private final IoSupplier<Optional<Hash>> diffId;

  OpenedCompressedLayer(
      Hash digest,
      long size,
      MediaType mediaType,
      IoSupplier<InputStream> opener,
      IoSupplier<Optional<Hash>> diffId) {
    this.digest = Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("a blob size cannot be negative, got " + size);
    }
    this.size = size;
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.diffId = diffId;
  }

  @Override
  public Hash digest() {
    return digest;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public MediaType mediaType() {
    return mediaType;
  }

  @Override
  public InputStream compressed() throws IOException {
    return opener.get();
  }

  @Override
  public Optional<Hash> diffId() throws IOException {
    return diffId.get();
  }

  @Override
  public String toString() {
    return mediaType + " " + digest + " " + size + " bytes";
  }
}
