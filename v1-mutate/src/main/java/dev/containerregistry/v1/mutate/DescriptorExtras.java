package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.Copies;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link Addendum} or {@link IndexAddendum} asks its descriptor to say beyond size and
 * digest: annotations, URLs and a media type instead of the content's own. Copied, checked and
 * applied here for both.
 */
record DescriptorExtras(
    Map<String, String> annotations, List<String> urls, Optional<MediaType> mediaType) {

  /**
   * Copies the collections and checks the media type for {@code use}.
   *
   * @param owner the addendum in messages, for example {@code "an index addendum"}
   * @throws NullPointerException naming the part that is null
   * @throws IllegalArgumentException when the media type cannot serve {@code use}
   */
  static DescriptorExtras of(
      String owner,
      Map<String, String> annotations,
      List<String> urls,
      Optional<MediaType> mediaType,
      MediaTypes use) {
    Objects.requireNonNull(mediaType, "the media type of " + owner);
    return new DescriptorExtras(
        Copies.map(annotations, "the annotations of " + owner),
        Copies.list(urls, "the URLs of " + owner),
        mediaType.map(use::require));
  }

  /** True when nothing is asked for. */
  boolean isEmpty() {
    return annotations.isEmpty() && urls.isEmpty() && mediaType.isEmpty();
  }

  /** {@code descriptor} with these extras set; the media type only when one is asked for. */
  Descriptor.Builder applyTo(Descriptor.Builder descriptor) {
    mediaType.ifPresent(descriptor::mediaType);
    return descriptor.annotations(annotations).urls(urls);
  }
}
