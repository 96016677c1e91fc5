package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.RootFs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An image made of the given layers whose config and manifest are computed when asked, as {@code
 * Mutate.append} will: before stream layers are consumed they throw {@code NotComputedException};
 * afterwards they describe the layers.
 */
final class LayeredImage implements Image {

  private final List<Layer> layers;

  LayeredImage(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  @Override
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public MediaType mediaType() {
    return MediaType.OCI_MANIFEST;
  }

  @Override
  public long size() throws IOException {
    return rawManifest().length;
  }

  @Override
  public Hash configName() throws IOException {
    return Hash.sha256(rawConfigFile());
  }

  @Override
  public ConfigFile configFile() throws IOException {
    List<Hash> diffIds = new ArrayList<>();
    for (Layer layer : layers) {
      diffIds.add(layer.diffId());
    }
    return ConfigFile.builder()
        .architecture("amd64")
        .os("linux")
        .rootFs(RootFs.of(diffIds))
        .build();
  }

  @Override
  public byte[] rawConfigFile() throws IOException {
    return configFile().toJson();
  }

  @Override
  public Hash digest() throws IOException {
    return Hash.sha256(rawManifest());
  }

  @Override
  public Manifest manifest() throws IOException {
    List<Descriptor> descriptors = new ArrayList<>();
    for (Layer layer : layers) {
      descriptors.add(Descriptor.of(layer.mediaType(), layer.size(), layer.digest()));
    }
    byte[] config = rawConfigFile();
    return Manifest.builder()
        .mediaType(MediaType.OCI_MANIFEST)
        .config(Descriptor.of(MediaType.OCI_CONFIG_JSON, config.length, Hash.sha256(config)))
        .layers(descriptors)
        .build();
  }

  @Override
  public byte[] rawManifest() throws IOException {
    return manifest().toJson();
  }

  @Override
  public Layer layerByDigest(Hash digest) throws IOException {
    for (Layer layer : layers) {
      if (layer.digest().equals(digest)) {
        return layer;
      }
    }
    throw new IOException("no layer " + digest);
  }

  @Override
  public Layer layerByDiffId(Hash diffId) throws IOException {
    for (Layer layer : layers) {
      if (layer.diffId().equals(diffId)) {
        return layer;
      }
    }
    throw new IOException("no layer with diffId " + diffId);
  }
}
