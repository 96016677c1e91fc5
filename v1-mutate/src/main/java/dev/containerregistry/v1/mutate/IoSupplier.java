package dev.containerregistry.v1.mutate;

import java.io.IOException;

/** Supplies a value, possibly doing I/O. */
@FunctionalInterface
interface IoSupplier<T> {

  /** The value. */
  T get() throws IOException;
}
