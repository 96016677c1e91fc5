package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A layer (or an image's config blob) together with the repository that already holds it, so that
 * a push to another repository of the same registry can mount it.
 */
record LayerInRepository(Layer layer, Repository sourceRepository) implements MountableLayer {

  LayerInRepository {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(sourceRepository, "sourceRepository");
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
  public MediaType mediaType() throws IOException {
    return layer.mediaType();
  }
}
