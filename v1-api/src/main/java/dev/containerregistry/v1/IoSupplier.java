package dev.containerregistry.v1;

import java.io.IOException;

/**
 * Supplies a value, possibly doing I/O: opens a stream, reads a manifest, computes a digest. The
 * SDK takes one wherever it opens content lazily (for example the content of a tar entry), and
 * plugins may implement it with a lambda.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface IoSupplier<T> {

  /**
   * The value.
   *
   * @return the value, computed or opened now
   * @throws IOException when producing it fails
   */
  T get() throws IOException;
}
