package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;

/** A layer seen with another media type; made by {@link Partial#withMediaType}. */
final class RetypedLayer extends ForwardingLayer {

  private final Layer layer;
  private final MediaType mediaType;

  RetypedLayer(Layer layer, MediaType mediaType) {
    this.layer = layer;
    this.mediaType = mediaType;
  }

  @Override
  protected Layer delegate() {
    return layer;
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
