package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * The least a layer kept as a plain tar must say about itself; {@link
 * Partial#layer(UncompressedLayer)} derives the rest (the compressed stream, and its digest and
 * size in one pass, once). {@link Partial#uncompressedLayer} builds such a layer straight from
 * three values.
 */
public interface UncompressedLayer {

  /** The sha256 of the uncompressed tar. */
  Hash diffId() throws IOException;

  /** The media type the compressed layer will have, for example {@code OCI_LAYER}. */
  MediaType mediaType() throws IOException;

  /** A new stream of the uncompressed tar. */
  InputStream uncompressed() throws IOException;
}
