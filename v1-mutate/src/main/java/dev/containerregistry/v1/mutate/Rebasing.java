package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the layers an image added over one base onto another base: the new base's layers and
 * history, then the image's own layers and history entries; the image's runtime config on the new
 * base's platform.
 */
final class Rebasing {

  private Rebasing() {}

  static Image rebase(Image image, Image oldBase, Image newBase) throws IOException {
    List<Layer> layers = image.layers();
    List<Layer> oldLayers = oldBase.layers();
    requireBasedOn(layers, oldLayers);
    ConfigFile imageConfig = image.configFile();
    ConfigFile newBaseConfig = newBase.configFile();
    ConfigFile rebasedConfig =
        imageConfig.toBuilder()
            .architecture(newBaseConfig.architecture())
            .os(newBaseConfig.os())
            .osVersion(newBaseConfig.osVersion())
            .variant(newBaseConfig.variant())
            .osFeatures(newBaseConfig.osFeatures())
            .rootFs(newBaseConfig.rootFs())
            .history(newBaseConfig.history())
            .build();
    Image onNewBase = Mutate.configFile(newBase, rebasedConfig);
    List<Layer> own = layers.subList(oldLayers.size(), layers.size());
    int oldHistory = oldBase.configFile().history().size();
    List<History> history = imageConfig.history();
    List<History> ownHistory =
        history.size() > oldHistory ? history.subList(oldHistory, history.size()) : List.of();
    return Mutate.append(onNewBase, addenda(own, ownHistory).toArray(Addendum[]::new));
  }

  private static void requireBasedOn(List<Layer> layers, List<Layer> oldLayers) throws IOException {
    if (oldLayers.size() > layers.size()) {
      throw new IllegalArgumentException(
          "rebasing: the old base has "
              + oldLayers.size()
              + " layers, more than the image's "
              + layers.size());
    }
    for (int i = 0; i < oldLayers.size(); i++) {
      if (!oldLayers.get(i).digest().equals(layers.get(i).digest())) {
        throw new IllegalArgumentException(
            "rebasing: the image is not based on the old base: its layer "
                + (i + 1)
                + " is "
                + layers.get(i).digest()
                + ", the old base's is "
                + oldLayers.get(i).digest());
      }
    }
  }

  /** The image's own layers paired with its own history entries (empty-layer steps kept). */
  private static List<Addendum> addenda(List<Layer> own, List<History> ownHistory) {
    List<Addendum> adds = new ArrayList<>();
    int next = 0;
    for (History step : ownHistory) {
      if (step.emptyLayer()) {
        adds.add(Addendum.builder().history(step).build());
      } else if (next < own.size()) {
        adds.add(Addendum.builder().layer(own.get(next++)).history(step).build());
      }
    }
    for (Layer layer : own.subList(next, own.size())) {
      adds.add(Addendum.of(layer));
    }
    return adds;
  }
}
