package dev.containerregistry.v1.remote;

import java.io.IOException;

/**
 * Checks that a fetched manifest is the kind of document the caller wants. Anything that is not an
 * index is read as an image, as artifacts often use their own manifest media types.
 */
final class ManifestKinds {

  private ManifestKinds() {}

  /**
   * @throws IOException naming the media type when {@code fetched} is an index
   */
  static void requireImage(FetchedManifest fetched, String where) throws IOException {
    if (fetched.mediaType().isIndex()) {
      throw mismatch(fetched, where, "an image");
    }
  }

  /**
   * @throws IOException naming the media type when {@code fetched} is not an index
   */
  static void requireIndex(FetchedManifest fetched, String where) throws IOException {
    if (!fetched.mediaType().isIndex()) {
      throw mismatch(fetched, where, "an index");
    }
  }

  private static IOException mismatch(FetchedManifest fetched, String where, String wanted) {
    return new IOException(
        where + " (" + fetched.digest() + ") is a " + fetched.mediaType() + ", not " + wanted);
  }
}
