package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Layer;

/**
 * A layer that knows the repository it is stored in, such as one pulled from a registry. Pushing it
 * to another repository of the same registry asks the registry to mount the blob ({@code POST
 * …/blobs/uploads/?mount=<digest>&from=<source>}) instead of sending its bytes; if the registry
 * declines, the layer is uploaded as usual.
 */
public interface MountableLayer extends Layer {

  /** The repository that already holds this layer's blob. */
  Repository sourceRepository();

  /**
   * {@code layer}, unchanged, marked as stored in {@code source}: for a layer the caller knows to
   * be in another repository of the registry it pushes to.
   */
  static MountableLayer of(Layer layer, Repository source) {
    return new LayerInRepository(layer, source);
  }
}
