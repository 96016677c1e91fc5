package dev.containerregistry.v1.validate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.util.List;

/** An image that answers like another; tests override the one method that lies. */
class ForwardingImage implements Image {
  private final Image delegate;

  ForwardingImage(Image delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<Layer> layers() throws IOException {
    return delegate.layers();
  }

  @Override
  public MediaType mediaType() throws IOException {
    return delegate.mediaType();
  }

  @Override
  public long size() throws IOException {
    return delegate.size();
  }

  @Override
  public Hash configName() throws IOException {
    return delegate.configName();
  }

  @Override
  public ConfigFile configFile() throws IOException {
    return delegate.configFile();
  }

  @Override
  public byte[] rawConfigFile() throws IOException {
    return delegate.rawConfigFile();
  }

  @Override
  public Hash digest() throws IOException {
    return delegate.digest();
  }

  @Override
  public Manifest manifest() throws IOException {
    return delegate.manifest();
  }

  @Override
  public byte[] rawManifest() throws IOException {
    return delegate.rawManifest();
  }

  @Override
  public Layer layerByDigest(Hash digest) throws IOException {
    return delegate.layerByDigest(digest);
  }

  @Override
  public Layer layerByDiffId(Hash diffId) throws IOException {
    return delegate.layerByDiffId(diffId);
  }
}
