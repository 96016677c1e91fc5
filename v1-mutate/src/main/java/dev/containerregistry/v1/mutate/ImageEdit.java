package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Copies;
import dev.containerregistry.v1.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link MutatedImage} changes in its base; every part is optional.
 *
 * @param adds steps appended after the base's layers and history
 * @param configFile a config replacing the base's, before {@code adds} are applied to it
 * @param annotations manifest annotations added to (and overriding) the base's
 * @param mediaType the manifest media type instead of the base's
 * @param configMediaType the config descriptor's media type instead of the base's
 */
record ImageEdit(
    List<Addendum> adds,
    Optional<ConfigFile> configFile,
    Map<String, String> annotations,
    Optional<MediaType> mediaType,
    Optional<MediaType> configMediaType) {

  ImageEdit {
    adds = List.copyOf(adds);
    annotations = Copies.map(annotations, "the annotations of an image");
  }

  static ImageEdit append(List<Addendum> adds) {
    return new ImageEdit(adds, Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
  }

  static ImageEdit configFile(ConfigFile configFile) {
    return new ImageEdit(
        List.of(), Optional.of(configFile), Map.of(), Optional.empty(), Optional.empty());
  }

  static ImageEdit annotations(Map<String, String> annotations) {
    return new ImageEdit(
        List.of(), Optional.empty(), annotations, Optional.empty(), Optional.empty());
  }

  static ImageEdit mediaType(MediaType mediaType) {
    return new ImageEdit(
        List.of(), Optional.empty(), Map.of(), Optional.of(mediaType), Optional.empty());
  }

  static ImageEdit configMediaType(MediaType configMediaType) {
    return new ImageEdit(
        List.of(), Optional.empty(), Map.of(), Optional.empty(), Optional.of(configMediaType));
  }

  /** True when the config blob must be rewritten rather than kept byte for byte. */
  boolean rewritesConfig(boolean imageConfig) {
    return configFile.isPresent() || (imageConfig && !adds.isEmpty());
  }
}
