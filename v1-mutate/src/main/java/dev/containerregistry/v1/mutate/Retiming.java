package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.partial.Partial;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds the image {@link Mutate#time} returns: every layer rewritten with its entries' times set
 * (lazily, as streams), history entries and the creation time set, everything else of the config
 * and the manifest kept.
 */
final class Retiming {

  private Retiming() {}

  /**
   * @param image the image to copy
   * @param time the time every file, history entry and the image itself get
   * @param finish a last change to the config (used by {@link Mutate#canonical})
   */
  static Image retime(Image image, Instant time, UnaryOperator<ConfigFile> finish)
      throws IOException {
    Manifest manifest = image.manifest();
    if (!manifest.config().mediaType().isConfig()) {
      throw new IllegalArgumentException(
          "setting the times of an image: its config has media type \""
              + manifest.config().mediaType()
              + "\", which is not an image config");
    }
    ConfigFile original = image.configFile();
    List<Layer> layers = image.layers();
    HistoryAlignment.requireAtMost(
        original.history(), layers.size(), "setting the times of an image");
    List<History> history = HistoryAlignment.padded(original.history(), layers.size());

    List<Addendum> adds = new ArrayList<>();
    int next = 0;
    for (History step : history) {
      Addendum.Builder add =
          Addendum.builder().history(step.toBuilder().created(time).author("").build());
      if (!step.emptyLayer()) {
        int i = next++;
        Descriptor descriptor = manifest.layers().get(i);
        String description =
            "layer " + (i + 1) + " of " + layers.size() + " (" + descriptor.digest() + ")";
        add.layer(Partial.layer(new RetimedTar(layers.get(i), time, description)))
            .annotations(descriptor.annotations());
      }
      adds.add(add.build());
    }
    ConfigFile template =
        finish.apply(
            original.toBuilder()
                .created(time)
                .history(List.of())
                .rootFs(RootFs.of(List.of()))
                .build());
    ImageEdit edit =
        new ImageEdit(
            adds,
            Optional.of(template),
            manifest.annotations(),
            Optional.of(image.mediaType()),
            Optional.of(manifest.config().mediaType()));
    return new MutatedImage(Empty.image(), edit);
  }
}
