package dev.containerregistry.v1;

import java.io.IOException;
import java.util.List;

/**
 * A container image: a manifest, a config file and layers. Implementations keep the raw bytes of
 * the manifest and config once produced, so {@link #digest()} is always the sha256 of {@link
 * #rawManifest()} and never changes. Most implementations are built with the adapters in {@code
 * dev.containerregistry.v1.partial} from a few methods.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">OCI image
 *     manifest</a>
 */
public interface Image {

  /** The layers, base first, in manifest order. */
  List<Layer> layers() throws IOException;

  /** The media type of the manifest. */
  MediaType mediaType() throws IOException;

  /** The number of bytes of {@link #rawManifest()}. */
  long size() throws IOException;

  /** The digest of the config blob ({@code sha256} of {@link #rawConfigFile()}). */
  Hash configName() throws IOException;

  /** The parsed config file. */
  ConfigFile configFile() throws IOException;

  /** The exact bytes of the config blob. */
  byte[] rawConfigFile() throws IOException;

  /** The digest of the manifest: the sha256 of {@link #rawManifest()}. */
  Hash digest() throws IOException;

  /** The parsed manifest. */
  Manifest manifest() throws IOException;

  /** The exact bytes of the manifest. */
  byte[] rawManifest() throws IOException;

  /**
   * The layer whose compressed digest is {@code digest}; the config blob is also found here.
   *
   * @throws ContentNotFoundException when the image has no such blob
   */
  Layer layerByDigest(Hash digest) throws IOException;

  /**
   * The layer whose uncompressed digest is {@code diffId}.
   *
   * @throws ContentNotFoundException when the image has no such layer
   */
  Layer layerByDiffId(Hash diffId) throws IOException;
}
