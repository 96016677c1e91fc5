package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.partial.Partial;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An image in a registry, read lazily: the manifest was fetched once when this object was made; the
 * config is fetched (and verified) the first time it is needed, and kept; a layer's blob is
 * downloaded only when one of its streams is opened. Thread-safe.
 */
final class RemoteImage implements Image {

  /** The largest config blob read into memory. */
  static final long CONFIG_LIMIT = 16L * 1024 * 1024;

  private final FetchedManifest fetched;
  private final Repository repository;
  private final BlobFetcher blobs;
  private @Nullable Manifest manifest;
  private @Nullable List<Layer> layers;
  private byte @Nullable [] rawConfig;
  private @Nullable ConfigFile config;

  RemoteImage(FetchedManifest fetched, BlobFetcher blobs) {
    this.fetched = Objects.requireNonNull(fetched, "fetched");
    this.repository = fetched.reference().context();
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  @Override
  public synchronized List<Layer> layers() throws IOException {
    if (layers == null) {
      List<Descriptor> descriptors = manifest().layers();
      List<Layer> built = new ArrayList<>(descriptors.size());
      for (int i = 0; i < descriptors.size(); i++) {
        built.add(layer(descriptors.get(i), i));
      }
      layers = List.copyOf(built);
    }
    return layers;
  }

  @Override
  public MediaType mediaType() {
    return fetched.mediaType();
  }

  @Override
  public long size() {
    return fetched.descriptor().size();
  }

  @Override
  public Hash configName() throws IOException {
    return manifest().config().digest();
  }

  @Override
  public synchronized ConfigFile configFile() throws IOException {
    if (config == null) {
      config = ConfigFile.parse(rawConfigFile());
    }
    return config;
  }

  @Override
  public synchronized byte[] rawConfigFile() throws IOException {
    if (rawConfig == null) {
      rawConfig = blobs.read(repository, manifest().config(), CONFIG_LIMIT);
    }
    return rawConfig.clone();
  }

  @Override
  public Hash digest() {
    return fetched.digest();
  }

  @Override
  public synchronized Manifest manifest() throws IOException {
    if (manifest == null) {
      manifest = Manifest.parse(fetched.bytes());
    }
    return manifest;
  }

  @Override
  public byte[] rawManifest() {
    return fetched.bytes();
  }

  @Override
  public Layer layerByDigest(Hash digest) throws IOException {
    if (digest.equals(configName())) {
      return RemoteLayer.uncompressed(blobs, repository, manifest().config());
    }
    for (Layer layer : layers()) {
      if (layer.digest().equals(digest)) {
        return layer;
      }
    }
    throw new ContentNotFoundException(digest, "the layers of image " + fetched.reference());
  }

  @Override
  public Layer layerByDiffId(Hash diffId) throws IOException {
    return Partial.layerByDiffId(this, diffId, "image " + fetched.reference());
  }

  /** The reference it was read by and its digest. */
  @Override
  public String toString() {
    return "RemoteImage[" + fetched.reference() + " " + fetched.digest() + "]";
  }

  private Layer layer(Descriptor descriptor, int index) {
    if (isUncompressed(descriptor.mediaType())) {
      return RemoteLayer.uncompressed(blobs, repository, descriptor);
    }
    return new RemoteLayer(blobs, repository, descriptor, () -> diffIdAt(index));
  }

  private Hash diffIdAt(int index) throws IOException {
    List<Hash> diffIds = configFile().rootFs().diffIds();
    if (index >= diffIds.size()) {
      throw new IOException(
          "image "
              + fetched.reference()
              + ": its config lists "
              + diffIds.size()
              + " DiffIDs, but its manifest has layer #"
              + (index + 1)
              + " ("
              + manifest().layers().get(index).digest()
              + ")");
    }
    return diffIds.get(index);
  }

  private static boolean isUncompressed(MediaType type) {
    return type.equals(MediaType.OCI_UNCOMPRESSED_LAYER)
        || type.equals(MediaType.OCI_UNCOMPRESSED_RESTRICTED_LAYER)
        || type.equals(MediaType.DOCKER_UNCOMPRESSED_LAYER);
  }
}
