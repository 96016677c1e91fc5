package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the child image of an index for a wanted platform: the first image descriptor whose
 * platform satisfies it ({@link Platform#satisfies}: an empty field of the wanted platform means
 * "any"). Children without a platform never match.
 */
final class PlatformMatcher {

  private PlatformMatcher() {}

  /**
   * @param index the parsed index
   * @param where the index, for the message, such as {@code "index host/app:1 (sha256:…)"}
   * @param wanted the platform asked for
   * @throws PlatformNotFoundException listing the platforms of the index's images
   */
  static Descriptor choose(IndexManifest index, String where, Platform wanted)
      throws PlatformNotFoundException {
    for (Descriptor child : index.manifests()) {
      if (child.mediaType().isImage()
          && child.platform().filter(p -> p.satisfies(wanted)).isPresent()) {
        return child;
      }
    }
    throw new PlatformNotFoundException(where, wanted, imagePlatforms(index));
  }

  private static List<Platform> imagePlatforms(IndexManifest index) {
    return index.manifests().stream()
        .filter(child -> child.mediaType().isImage())
        .map(Descriptor::platform)
        .flatMap(Optional::stream)
        .toList();
  }
}
