package dev.containerregistry.cli;

import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.partial.ForwardingLayer;
import java.io.IOException;
import java.io.InputStream;

/**
 * A layer whose compressed stream is counted by a {@link BlobMeter} as it is read; everything else
 * is the delegate's. For layers the CLI uploads from its own sources.
 */
class MeteredLayer extends ForwardingLayer {

  private final Layer delegate;
  private final BlobMeter meter;

  MeteredLayer(Layer delegate, BlobMeter meter) {
    this.delegate = delegate;
    this.meter = meter;
  }

  @Override
  protected final Layer delegate() {
    return delegate;
  }

  @Override
  public final InputStream compressed() throws IOException {
    return meter.count(delegate.compressed());
  }
}
