package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import dev.containerregistry.v1.compression.LayerCompressions;
import java.io.IOException;
import java.io.InputStream;

/**
 * A layer kept as a plain tar: its compressed form is produced while being read, in the format its
 * media type names ({@code +zstd} is zstd; gzip for every other type), and its digest and size come
 * from one pass over that form, computed once (or settled by a caller who read {@link
 * #compressed()} to the end).
 */
final class LayerFromUncompressed implements Layer {

  private final UncompressedLayer blob;
  private final Memo<Hash.Sized> compressedHash;

  LayerFromUncompressed(UncompressedLayer blob) {
    this.blob = blob;
    this.compressedHash = new Memo<>(this::hashCompressed);
  }

  @Override
  public Hash digest() throws IOException {
    return compressedHash.get().hash();
  }

  @Override
  public Hash diffId() throws IOException {
    return blob.diffId();
  }

  /** A new compressed stream; reading it to the end also settles the digest and size. */
  @Override
  public InputStream compressed() throws IOException {
    return Hash.hashing(compress(), compressedHash::offer);
  }

  @Override
  public InputStream uncompressed() throws IOException {
    return blob.uncompressed();
  }

  @Override
  public long size() throws IOException {
    return compressedHash.get().size();
  }

  @Override
  public MediaType mediaType() throws IOException {
    return blob.mediaType();
  }

  private InputStream compress() throws IOException {
    return LayerCompressions.forWriting(blob.mediaType()).compress(blob.uncompressed(), 1);
  }

  private Hash.Sized hashCompressed() throws IOException {
    try (InputStream in = compress()) {
      return Hash.sha256(in);
    }
  }

  @Override
  public String toString() {
    return "LayerFromUncompressed[" + blob + "]";
  }
}
