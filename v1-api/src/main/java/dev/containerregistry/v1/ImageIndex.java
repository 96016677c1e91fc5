package dev.containerregistry.v1;

import java.io.IOException;

/**
 * An image index (OCI) or manifest list (Docker): images and nested indexes, usually one image per
 * platform. Implementations keep the raw bytes of the index once produced, so {@link #digest()} is
 * always the sha256 of {@link #rawManifest()}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image
 *     index</a>
 */
public interface ImageIndex {

  /** The media type of the index. */
  MediaType mediaType() throws IOException;

  /** The digest of the index: the sha256 of {@link #rawManifest()}. */
  Hash digest() throws IOException;

  /** The number of bytes of {@link #rawManifest()}. */
  long size() throws IOException;

  /** The parsed index. */
  IndexManifest indexManifest() throws IOException;

  /** The exact bytes of the index. */
  byte[] rawManifest() throws IOException;

  /**
   * The child image with manifest digest {@code digest}.
   *
   * @throws ContentNotFoundException when the index has no such child
   */
  Image image(Hash digest) throws IOException;

  /**
   * The child index with digest {@code digest}.
   *
   * @throws ContentNotFoundException when the index has no such child
   */
  ImageIndex imageIndex(Hash digest) throws IOException;
}
