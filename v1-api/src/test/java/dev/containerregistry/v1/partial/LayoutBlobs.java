package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The blobs of the OCI image layout under {@code src/test/resources/layout}, and its index. */
final class LayoutBlobs implements BlobOpener {

  int opened;

  static byte[] indexJson() {
    return resource("/layout/index.json");
  }

  static byte[] blob(String hex) {
    return resource("/layout/blobs/sha256/" + hex);
  }

  @Override
  public InputStream open(Hash digest) throws IOException {
    InputStream in = getClass().getResourceAsStream("/layout/blobs/sha256/" + digest.hex());
    if (in == null) {
      throw new ContentNotFoundException(digest, "the test layout");
    }
    opened++;
    return in;
  }

  private static byte[] resource(String path) {
    try (InputStream in = LayoutBlobs.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
