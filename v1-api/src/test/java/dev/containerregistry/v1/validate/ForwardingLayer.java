package dev.containerregistry.v1.validate;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** A layer that answers like another; tests override the one method that lies. */
class ForwardingLayer implements Layer {
  private final Layer delegate;

  ForwardingLayer(Layer delegate) {
    this.delegate = delegate;
  }

  @Override
  public Hash digest() throws IOException {
    return delegate.digest();
  }

  @Override
  public Hash diffId() throws IOException {
    return delegate.diffId();
  }

  @Override
  public InputStream compressed() throws IOException {
    return delegate.compressed();
  }

  @Override
  public InputStream uncompressed() throws IOException {
    return delegate.uncompressed();
  }

  @Override
  public long size() throws IOException {
    return delegate.size();
  }

  @Override
  public MediaType mediaType() throws IOException {
    return delegate.mediaType();
  }
}
