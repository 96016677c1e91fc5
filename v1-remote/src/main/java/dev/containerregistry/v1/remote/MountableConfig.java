package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** An image's config blob, pushed like a layer, that can be mounted from its image's repository. */
record MountableConfig(Layer config, Repository sourceRepository) implements MountableLayer {

  @Override
  public Hash digest() throws IOException {
    return config.digest();
  }

  @Override
  public Hash diffId() throws IOException {
    return config.diffId();
  }

  @Override
  public InputStream compressed() throws IOException {
    return config.compressed();
  }

  @Override
  public InputStream uncompressed() throws IOException {
    return config.uncompressed();
  }

  @Override
  public long size() throws IOException {
    return config.size();
  }

  @Override
  public MediaType mediaType() throws IOException {
    return config.mediaType();
  }
}
