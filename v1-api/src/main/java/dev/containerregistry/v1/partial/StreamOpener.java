package dev.containerregistry.v1.partial;

import java.io.IOException;
import java.io.InputStream;

/** Opens a new stream of the same bytes each time it is called; the caller closes it. */
@FunctionalInterface
public interface StreamOpener {

  /** A new stream from the first byte. */
  InputStream open() throws IOException;
}
