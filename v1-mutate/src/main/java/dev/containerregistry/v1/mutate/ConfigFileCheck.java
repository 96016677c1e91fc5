package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Manifest;
import java.io.IOException;
import java.util.List;

/** Refuses a config file that does not describe the layers of the image it is given to. */
final class ConfigFileCheck {

  private static final String WHAT = "replacing the config file of an image";

  private ConfigFileCheck() {}

  static void requireMatches(Image base, ConfigFile configFile) throws IOException {
    Manifest manifest = base.manifest();
    if (!manifest.config().mediaType().isConfig()) {
      throw new IllegalArgumentException(
          WHAT
              + ": its config has media type \""
              + manifest.config().mediaType()
              + "\", which is not an image config");
    }
    int layers = manifest.layers().size();
    List<Hash> given = configFile.rootFs().diffIds();
    if (given.size() != layers) {
      throw new IllegalArgumentException(
          WHAT
              + ": the new config lists "
              + given.size()
              + " DiffIDs but the image has "
              + layers
              + " layers");
    }
    List<Hash> actual = base.configFile().rootFs().diffIds();
    for (int i = 0; i < layers && i < actual.size(); i++) {
      if (!given.get(i).equals(actual.get(i))) {
        throw new IllegalArgumentException(
            WHAT
                + ": DiffID "
                + (i + 1)
                + " of the new config is "
                + given.get(i)
                + " but layer "
                + (i + 1)
                + " of the image has "
                + actual.get(i));
      }
    }
    HistoryAlignment.requireAligned(configFile.history(), layers, WHAT);
  }
}
