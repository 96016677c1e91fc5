package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The least a layer stored compressed must say about itself; {@link Partial#layer(CompressedLayer)}
 * derives the rest (the uncompressed stream by decompressing, the DiffID by hashing it, once).
 * {@link Partial#compressedLayer} builds such a layer straight from four values.
 */
public interface CompressedLayer {

  /** The sha256 of the compressed bytes. */
  Hash digest() throws IOException;

  /** The number of compressed bytes. */
  long size() throws IOException;

  /** The layer's media type. */
  MediaType mediaType() throws IOException;

  /** A new stream of the compressed bytes. */
  InputStream compressed() throws IOException;

  /** The DiffID when already known (for example from an image config); empty to compute it. */
  default Optional<Hash> diffId() throws IOException {
    return Optional.empty();
  }
}
