package dev.containerregistry.v1;

import java.io.IOException;
import java.io.InputStream;

/**
 * One layer of an image: a (usually gzip-compressed) tar archive addressed by the digest of its
 * compressed bytes and, in the image config, by the DiffID of its uncompressed bytes.
 *
 * <p>Implementations may be lazy: a layer built from a stream can throw {@link
 * NotComputedException} from {@link #digest()}, {@link #diffId()} and {@link #size()} until its
 * compressed stream has been read. Streams returned here belong to the caller, who must close them.
 */
public interface Layer {

  /** The sha256 of the compressed bytes, as written in the manifest. */
  Hash digest() throws IOException;

  /** The sha256 of the uncompressed tar, as written in the config's {@code rootfs.diff_ids}. */
  Hash diffId() throws IOException;

  /** A new stream of the compressed bytes (what a registry stores). */
  InputStream compressed() throws IOException;

  /** A new stream of the uncompressed tar. */
  InputStream uncompressed() throws IOException;

  /** The number of compressed bytes. */
  long size() throws IOException;

  /** The media type written in the manifest's layer descriptor. */
  MediaType mediaType() throws IOException;
}
