package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.partial.ForwardingLayer;
import java.util.Objects;

/**
 * A layer (or an image's config blob) together with the repository that already holds it, so that a
 * push to another repository of the same registry can mount it.
 */
final class LayerInRepository extends ForwardingLayer implements MountableLayer {

  private final Layer layer;
  private final Repository sourceRepository;

  LayerInRepository(Layer layer, Repository sourceRepository) {
    this.layer = Objects.requireNonNull(layer, "layer");
    this.sourceRepository = Objects.requireNonNull(sourceRepository, "sourceRepository");
  }

  @Override
  protected Layer delegate() {
    return layer;
  }

  @Override
  public Repository sourceRepository() {
    return sourceRepository;
  }

  @Override
  public String toString() {
    return "LayerInRepository[layer=" + layer + ", sourceRepository=" + sourceRepository + "]";
  }
}
