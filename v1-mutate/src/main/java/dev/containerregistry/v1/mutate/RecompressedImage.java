package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.partial.Partial;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The image {@link Mutate#recompress} returns: the base's config, byte for byte (the DiffIDs do not
 * change), and its layers converted by a {@link Recompression}. The layer list is made on first use
 * and kept, so the same layer objects learn their digests when read; the manifest waits for them
 * ({@link NotComputedException} until then) and is then computed once.
 */
final class RecompressedImage implements Image {

  private final Image base;
  private final Recompression plan;
  private final Memo<List<Layer>> layers;
  private final Memo<Manifest> manifest;
  private final Memo<byte[]> rawManifest;

  RecompressedImage(Image base, Recompression plan) {
    this.base = base;
    this.plan = plan;
    this.layers = new Memo<>(this::convertLayers);
    this.manifest = new Memo<>(this::computeManifest);
    this.rawManifest = new Memo<>(() -> manifest.get().toJson());
  }

  @Override
  public List<Layer> layers() throws IOException {
    return layers.get();
  }

  @Override
  public MediaType mediaType() throws IOException {
    return plan.manifestType(base.mediaType());
  }

  @Override
  public long size() throws IOException {
    return rawManifest.get().length;
  }

  @Override
  public Hash configName() throws IOException {
    return base.configName();
  }

  @Override
  public ConfigFile configFile() throws IOException {
    return base.configFile();
  }

  @Override
  public byte[] rawConfigFile() throws IOException {
    return base.rawConfigFile();
  }

  @Override
  public Hash digest() throws IOException {
    return Hash.sha256(rawManifest.get());
  }

  @Override
  public Manifest manifest() throws IOException {
    return manifest.get();
  }

  @Override
  public byte[] rawManifest() throws IOException {
    return rawManifest.get().clone();
  }

  /** The config blob, or a layer whose digest is known (a converted one once read). */
  @Override
  public Layer layerByDigest(Hash digest) throws IOException {
    return Partial.layerByDigest(this, digest, "recompressed image " + digest());
  }

  @Override
  public Layer layerByDiffId(Hash diffId) throws IOException {
    return Partial.layerByDiffId(this, diffId, "recompressed image " + digest());
  }

  private List<Layer> convertLayers() throws IOException {
    List<Layer> converted = new ArrayList<>();
    for (Layer layer : base.layers()) {
      converted.add(plan.convert(layer));
    }
    return List.copyOf(converted);
  }

  private Manifest computeManifest() throws IOException {
    Manifest original = base.manifest();
    List<Layer> newLayers = layers();
    List<Descriptor> descriptors = new ArrayList<>();
    for (int i = 0; i < newLayers.size(); i++) {
      Descriptor was = original.layers().get(i);
      Layer layer = newLayers.get(i);
      descriptors.add(
          layer instanceof RecompressedLayer
              ? was.toBuilder()
                  .mediaType(layer.mediaType())
                  .digest(layer.digest())
                  .size(layer.size())
                  .data(new byte[0])
                  .build()
              : was);
    }
    Descriptor config =
        original.config().toBuilder()
            .mediaType(plan.configType(original.config().mediaType()))
            .build();
    return original.toBuilder()
        .mediaType(original.mediaType().map(plan::manifestType).orElse(null))
        .config(config)
        .layers(descriptors)
        .build();
  }
}
