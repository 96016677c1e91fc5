package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A layer stored compressed: the DiffID is read from the blob or hashed once decompressed. */
final class LayerFromCompressed implements Layer {

  private final CompressedLayer blob;
  private final Memo<Hash> diffId;

  LayerFromCompressed(CompressedLayer blob) {
    this.blob = blob;
    this.diffId = new Memo<>(this::computeDiffId);
  }

  @Override
  public Hash digest() throws IOException {
    return blob.digest();
  }

  @Override
  public Hash diffId() throws IOException {
    return diffId.get();
  }

  @Override
  public InputStream compressed() throws IOException {
    return blob.compressed();
  }

  /** The decompressed bytes; reading them to the end also settles the DiffID. */
  @Override
  public InputStream uncompressed() throws IOException {
    InputStream plain = Decompression.uncompressed(blob.compressed(), "layer " + blob.digest());
    return Hash.hashing(plain, sized -> diffId.offer(sized.hash()));
  }

  @Override
  public long size() throws IOException {
    return blob.size();
  }

  @Override
  public MediaType mediaType() throws IOException {
    return blob.mediaType();
  }

  private Hash computeDiffId() throws IOException {
    Optional<Hash> known = blob.diffId();
    if (known.isPresent()) {
      return known.get();
    }
    try (InputStream in = Decompression.uncompressed(blob.compressed(), "layer " + blob.digest())) {
      return Hash.sha256(in).hash();
    }
  }

  @Override
  public String toString() {
    return "LayerFromCompressed[" + blob + "]";
  }
}
