package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.ComputedOnRead;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * A base for plugin authors who decorate a layer: forwards all six {@link Layer} methods, and the
 * {@link ComputedOnRead} answers, to {@link #delegate()}, so a subclass overrides only the ones it
 * changes. A decorated stream layer is still seen as one that learns its digest by being read.
 */
public abstract class ForwardingLayer implements ComputedOnRead {

  /** For subclasses. */
  protected ForwardingLayer() {}

  /** The layer that every method this class does not override is forwarded to. */
  protected abstract Layer delegate();

  /** The delegate's digest. */
  @Override
  public Hash digest() throws IOException {
    return delegate().digest();
  }

  /** The delegate's DiffID. */
  @Override
  public Hash diffId() throws IOException {
    return delegate().diffId();
  }

  /** The delegate's compressed stream. */
  @Override
  public InputStream compressed() throws IOException {
    return delegate().compressed();
  }

  /** The delegate's uncompressed stream. */
  @Override
  public InputStream uncompressed() throws IOException {
    return delegate().uncompressed();
  }

  /** The delegate's compressed size. */
  @Override
  public long size() throws IOException {
    return delegate().size();
  }

  /** The delegate's media type. */
  @Override
  public MediaType mediaType() throws IOException {
    return delegate().mediaType();
  }

  /** The delegate's answer; true for a delegate whose values need no read. */
  @Override
  public boolean computed() {
    return !(delegate() instanceof ComputedOnRead lazy) || lazy.computed();
  }

  /** The delegate's answer; true for a delegate whose values need no read. */
  @Override
  public boolean readableAgain() {
    return !(delegate() instanceof ComputedOnRead lazy) || lazy.readableAgain();
  }
}
