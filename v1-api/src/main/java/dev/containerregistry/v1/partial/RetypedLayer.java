package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** A layer seen with another media type; made by {@link Partial#withMediaType}. */
final class RetypedLayer implements Layer {

  private final Layer layer;
  private final MediaType mediaType;

  RetypedLayer(Layer layer, MediaType mediaType) {
    this.layer = layer;
    this.mediaType = mediaType;
  }

  @Override
  public Hash digest() throws IOException {
    return layer.digest();
  }

  @Override
  public Hash diffId() throws IOException {
    return layer.diffId();
  }

  @Override
  public InputStream compressed() throws IOException {
    return layer.compressed();
  }

  @Override
  public InputStream uncompressed() throws IOException {
    return layer.uncompressed();
  }

  @Override
  public long size() throws IOException {
    return layer.size();
  }

  @Override
  public MediaType mediaType() {
    return mediaType;
  }

  @Override
  public String toString() {
    return "Layer[" + layer + " as " + mediaType + "]";
  }
}
