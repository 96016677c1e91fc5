package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helper: a layer that counts every call that reads or hashes, and can fail once. */
final class CountingLayer implements Layer {

  private final Layer delegate;
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger failuresLeft;

  CountingLayer(Layer delegate) {
    this(delegate, 0);
  }

  CountingLayer(Layer delegate, int failures) {
    this.delegate = delegate;
    this.failuresLeft = new AtomicInteger(failures);
  }

  /** How many times digest, DiffID, size or a stream was asked for. */
  int reads() {
    return reads.get();
  }

  private void count() throws IOException {
    reads.incrementAndGet();
    if (failuresLeft.getAndDecrement() > 0) {
      throw new IOException("planned failure");
    }
  }

  @Override
  public Hash digest() throws IOException {
    count();
    return delegate.digest();
  }

  @Override
  public Hash diffId() throws IOException {
    count();
    return delegate.diffId();
  }

  @Override
  public InputStream compressed() throws IOException {
    count();
    return delegate.compressed();
  }

  @Override
  public InputStream uncompressed() throws IOException {
    count();
    return delegate.uncompressed();
  }

  @Override
  public long size() throws IOException {
    count();
    return delegate.size();
  }

  @Override
  public MediaType mediaType() throws IOException {
    return delegate.mediaType();
  }
}
