package dev.containerregistry.v1.validate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.partial.ImageCore;
import dev.containerregistry.v1.partial.Partial;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds an image from layers, a config and a change to the manifest, serving the i-th layer for
 * the i-th descriptor whatever the descriptor says: a way to write inconsistent images on purpose.
 */
final class Assembled {
  private Assembled() {}

  static Image image(
      List<Layer> layers, UnaryOperator<ConfigFile> configChange, UnaryOperator<Manifest> change)
      throws IOException {
    List<Descriptor> descriptors = new ArrayList<>();
    List<Hash> diffIds = new ArrayList<>();
    for (Layer layer : layers) {
      descriptors.add(Partial.descriptor(layer));
      diffIds.add(layer.diffId());
    }
    ConfigFile config =
        ConfigFile.builder().os("linux").architecture("amd64").rootFs(RootFs.of(diffIds)).build();
    byte[] rawConfig = configChange.apply(config).toJson();
    Manifest manifest =
        change.apply(
            Manifest.builder()
                .mediaType(MediaType.OCI_MANIFEST)
                .config(
                    Descriptor.of(
                        MediaType.OCI_CONFIG_JSON, rawConfig.length, Hash.sha256(rawConfig)))
                .layers(descriptors)
                .build());
    byte[] rawManifest = manifest.toJson();
    return Partial.image(
        new ImageCore() {
          @Override
          public byte[] rawManifest() {
            return rawManifest;
          }

          @Override
          public byte[] rawConfigFile() {
            return rawConfig;
          }

          @Override
          public Layer layer(Descriptor descriptor) {
            return layers.get(manifest.layers().indexOf(descriptor));
          }
        });
  }
}
