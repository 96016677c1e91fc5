package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Hash;
import java.io.IOException;
import java.io.InputStream;

/**
 * A content-addressed store: opens the blob (layer, config or manifest) with a given digest. An OCI
 * image layout's {@code blobs/} directory or a registry repository are blob openers.
 */
@FunctionalInterface
public interface BlobOpener {

  /**
   * A new stream of the blob; the caller closes it.
   *
   * @throws ContentNotFoundException when there is no such blob
   */
  InputStream open(Hash digest) throws IOException;
}
