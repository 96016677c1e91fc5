package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Image} derived from its raw manifest, raw config and a way to turn each layer
 * descriptor into a {@link Layer}. Everything is computed on first use and kept; the raw bytes are
 * never re-serialized, so the digest is the sha256 of the bytes given.
 */
final class ImageFromCore implements Image {

  /** Turns the layer descriptor at {@code index} of the manifest into a layer. */
  @FunctionalInterface
  interface LayerResolver {
    Layer layer(Descriptor descriptor, int index, Image image) throws IOException;
  }

  private final Memo<byte[]> rawManifest;
  private final Memo<byte[]> rawConfig;
  private final Memo<Manifest> manifest;
  private final Memo<ConfigFile> configFile;
  private final Memo<Hash> digest;
  private final Memo<List<Layer>> layers;

  ImageFromCore(
      IoSupplier<byte[]> rawManifest, IoSupplier<byte[]> rawConfig, LayerResolver resolver) {
    this.rawManifest = new Memo<>(rawManifest);
    this.rawConfig = new Memo<>(rawConfig);
    this.manifest = new Memo<>(() -> Manifest.parse(this.rawManifest.get()));
    this.configFile = new Memo<>(() -> ConfigFile.parse(this.rawConfig.get()));
    this.digest = new Memo<>(() -> Hash.sha256(this.rawManifest.get()));
    this.layers = new Memo<>(() -> resolveLayers(resolver));
  }

  @Override
  public List<Layer> layers() throws IOException {
    return layers.get();
  }

  /** The manifest's own media type, or the OCI manifest type when it names none. */
  @Override
  public MediaType mediaType() throws IOException {
    return manifest().mediaType().orElse(MediaType.OCI_MANIFEST);
  }

  @Override
  public long size() throws IOException {
    return rawManifest.get().length;
  }

  @Override
  public Hash configName() throws IOException {
    return manifest().config().digest();
  }

  @Override
  public ConfigFile configFile() throws IOException {
    return configFile.get();
  }

  @Override
  public byte[] rawConfigFile() throws IOException {
    return rawConfig.get().clone();
  }

  @Override
  public Hash digest() throws IOException {
    return digest.get();
  }

  @Override
  public Manifest manifest() throws IOException {
    return manifest.get();
  }

  @Override
  public byte[] rawManifest() throws IOException {
    return rawManifest.get().clone();
  }

  /** A layer of the manifest, or the config blob seen as a layer. */
  @Override
  public Layer layerByDigest(Hash wanted) throws IOException {
    return Partial.layerByDigest(this, wanted, "image " + digest());
  }

  /** The layer at the position of {@code wanted} in the config's {@code rootfs.diff_ids}. */
  @Override
  public Layer layerByDiffId(Hash wanted) throws IOException {
    return Partial.layerByDiffId(this, wanted, "image " + digest());
  }

  @Override
  public String toString() {
    try {
      return "Image[" + digest() + "]";
    } catch (IOException e) {
      return "Image[digest not available: " + e.getMessage() + "]";
    }
  }

  private List<Layer> resolveLayers(LayerResolver resolver) throws IOException {
    List<Descriptor> descriptors = manifest().layers();
    List<Layer> out = new ArrayList<>(descriptors.size());
    for (int i = 0; i < descriptors.size(); i++) {
      out.add(resolver.layer(descriptors.get(i), i, this));
    }
    return List.copyOf(out);
  }
}
