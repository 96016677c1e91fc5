package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.partial.Partial;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One step to append to an image with {@link Mutate#append}: a layer with its history entry and the
 * extras of its manifest descriptor, or a history entry alone that made no layer (an {@code ENV} or
 * {@code CMD} step, marked {@code empty_layer}).
 *
 * @param layer the layer, empty for a step that made none
 * @param history the history entry written to the config for this step
 * @param annotations annotations of the layer's descriptor in the manifest
 * @param urls where else the layer can be downloaded from (foreign layers)
 * @param mediaType a media type for the layer's descriptor instead of the layer's own
 */
public record Addendum(
    Optional<Layer> layer,
    History history,
    Map<String, String> annotations,
    List<String> urls,
    Optional<MediaType> mediaType) {

  /**
   * Refuses nulls, a step without layer whose history is not marked {@code empty_layer}, a layer
   * whose history is, descriptor extras without a layer, and a media type that is malformed or
   * names a manifest, index or config.
   */
  public Addendum {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(history, "history");
    DescriptorExtras extras =
        DescriptorExtras.of("an addendum", annotations, urls, mediaType, MediaTypes.ADDENDUM_LAYER);
    annotations = extras.annotations();
    urls = extras.urls();
    if (layer.isEmpty() && !history.emptyLayer()) {
      throw new IllegalArgumentException(
          "an addendum without a layer needs a history entry marked empty_layer, got " + history);
    }
    if (layer.isPresent() && history.emptyLayer()) {
      throw new IllegalArgumentException(
          "an addendum with a layer cannot have a history entry marked empty_layer: " + history);
    }
    if (layer.isEmpty() && !extras.isEmpty()) {
      throw new IllegalArgumentException(
          "annotations, URLs and a media type describe a layer, but this addendum has no layer");
    }
  }

  /** The layer as the image shows it: with the overriding media type, if any. */
  Optional<Layer> effectiveLayer() {
    return mediaType.isEmpty() ? layer : layer.map(l -> Partial.withMediaType(l, mediaType.get()));
  }

  /** An addendum of {@code layer} alone, with an empty history entry. */
  public static Addendum of(Layer layer) {
    return builder().layer(layer).build();
  }

  /** A builder with no layer, an empty history entry and no extras. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Addendum}. */
  public static final class Builder {
    private @Nullable Layer layer;
    private History history = History.builder().build();
    private Map<String, String> annotations = Map.of();
    private List<String> urls = List.of();
    private @Nullable MediaType mediaType;

    private Builder() {}

    /** Sets the layer; null means a step that made no layer. */
    public Builder layer(@Nullable Layer layer) {
      this.layer = layer;
      return this;
    }

    /** Sets the history entry. */
    public Builder history(History history) {
      this.history = history;
      return this;
    }

    /** Sets the annotations of the layer's descriptor. */
    public Builder annotations(Map<String, String> annotations) {
      this.annotations = annotations;
      return this;
    }

    /** Sets the URLs of the layer's descriptor. */
    public Builder urls(List<String> urls) {
      this.urls = urls;
      return this;
    }

    /** Sets the media type of the layer's descriptor; null keeps the layer's own. */
    public Builder mediaType(@Nullable MediaType mediaType) {
      this.mediaType = mediaType;
      return this;
    }

    /** The addendum; see {@link Addendum#Addendum} for what is refused. */
    public Addendum build() {
      return new Addendum(
          Optional.ofNullable(layer), history, annotations, urls, Optional.ofNullable(mediaType));
    }
  }
}
