package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An image or a nested index to append to an index with {@link Mutate#appendManifests}, with what
 * its descriptor in the index should say beyond media type, size and digest. Without an explicit
 * platform, an image's descriptor carries the platform of its config, if any.
 */
public final class IndexAddendum {

  private final @Nullable Image image;
  private final @Nullable ImageIndex index;
  private final Optional<Platform> platform;
  private final DescriptorExtras extras;

  private IndexAddendum(Builder builder) {
    this.image = builder.image;
    this.index = builder.index;
    this.platform = Optional.ofNullable(builder.platform);
    this.extras =
        DescriptorExtras.of(
            "an index addendum",
            builder.annotations,
            builder.urls,
            Optional.ofNullable(builder.mediaType),
            MediaTypes.INDEX_ADDENDUM);
  }

  /** An addendum of {@code image} with nothing overridden. */
  public static IndexAddendum of(Image image) {
    return builder(image).build();
  }

  /** An addendum of the nested {@code index} with nothing overridden. */
  public static IndexAddendum of(ImageIndex index) {
    return builder(index).build();
  }

  /** A builder for an addendum of {@code image}. */
  public static Builder builder(Image image) {
    return new Builder(Objects.requireNonNull(image, "image"), null);
  }

  /** A builder for an addendum of the nested {@code index}. */
  public static Builder builder(ImageIndex index) {
    return new Builder(null, Objects.requireNonNull(index, "index"));
  }

  /** The appended image, or empty when a nested index is appended. */
  public Optional<Image> image() {
    return Optional.ofNullable(image);
  }

  /** The appended nested index, or empty when an image is appended. */
  public Optional<ImageIndex> index() {
    return Optional.ofNullable(index);
  }

  /** The descriptor to write in the index; asks the image or index for its digest and size. */
  Descriptor descriptor() throws IOException {
    Descriptor.Builder descriptor = Descriptor.builder();
    if (image != null) {
      Manifest manifest = image.manifest();
      MediaType configType = manifest.config().mediaType();
      descriptor.mediaType(image.mediaType()).size(image.size()).digest(image.digest());
      descriptor.artifactType(
          manifest.artifactType().orElse(configType.isConfig() ? null : configType));
      if (platform.isEmpty() && configType.isConfig()) {
        descriptor.platform(image.configFile().platform().orElse(null));
      }
    } else {
      ImageIndex index =
          Objects.requireNonNull(this.index, "an addendum holds an image or an index");
      descriptor.mediaType(index.mediaType()).size(index.size()).digest(index.digest());
    }
    platform.ifPresent(descriptor::platform);
    return extras.applyTo(descriptor).build();
  }

  /** Builds an {@link IndexAddendum}. */
  public static final class Builder {
    private final @Nullable Image image;
    private final @Nullable ImageIndex index;
    private @Nullable Platform platform;
    private Map<String, String> annotations = Map.of();
    private List<String> urls = List.of();
    private @Nullable MediaType mediaType;

    private Builder(@Nullable Image image, @Nullable ImageIndex index) {
      this.image = image;
      this.index = index;
    }

    /** Sets the platform of the descriptor; null takes an image's from its config. */
    public Builder platform(@Nullable Platform platform) {
      this.platform = platform;
      return this;
    }

    /** Sets the annotations of the descriptor. */
    public Builder annotations(Map<String, String> annotations) {
      this.annotations = annotations;
      return this;
    }

    /** Sets the URLs of the descriptor. */
    public Builder urls(List<String> urls) {
      this.urls = urls;
      return this;
    }

    /**
     * Sets the media type of the descriptor instead of the manifest's own; null keeps that.
     *
     * @throws IllegalArgumentException when it is not of the form type/subtype or names a layer or
     *     config
     */
    public Builder mediaType(@Nullable MediaType mediaType) {
      this.mediaType = mediaType == null ? null : MediaTypes.INDEX_ADDENDUM.require(mediaType);
      return this;
    }

    /** The addendum. */
    public IndexAddendum build() {
      return new IndexAddendum(this);
    }
  }
}
