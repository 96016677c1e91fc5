package dev.containerregistry.v1.layout;

import dev.containerregistry.v1.Annotations;
import dev.containerregistry.v1.Platform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How an image or index is listed in a layout's {@code index.json}: an optional ref name (the
 * {@code org.opencontainers.image.ref.name} annotation, which {@code oci:DIR:ref} names), an
 * optional platform, and further annotations.
 *
 * @param refName the ref name, if any
 * @param platform the platform written in the descriptor; for an image without one, the platform of
 *     its config is used
 * @param annotations further annotations of the descriptor
 */
public record AppendOptions(
    Optional<String> refName, Optional<Platform> platform, Map<String, String> annotations) {

  /** Refuses nulls, a blank ref name and a ref name also given as an annotation. */
  public AppendOptions {
    Objects.requireNonNull(refName, "refName");
    Objects.requireNonNull(platform, "platform");
    annotations = Map.copyOf(annotations);
    if (refName.isPresent() && refName.get().isBlank()) {
      throw new IllegalArgumentException("a ref name cannot be blank");
    }
    if (refName.isPresent() && annotations.containsKey(Annotations.REF_NAME)) {
      throw new IllegalArgumentException(
          "give the ref name once, not also as the annotation " + Annotations.REF_NAME);
    }
  }

  /** No ref name, the image's own platform, no annotations. */
  public static AppendOptions defaults() {
    return builder().build();
  }

  /** Only a ref name. */
  public static AppendOptions refName(String refName) {
    return builder().refName(refName).build();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The annotations of the descriptor: the ref name first, then the others. */
  Map<String, String> descriptorAnnotations() {
    Map<String, String> all = new LinkedHashMap<>();
    refName.ifPresent(name -> all.put(Annotations.REF_NAME, name));
    all.putAll(annotations);
    return all;
  }

  /** Builds {@link AppendOptions}. */
  public static final class Builder {
    private @Nullable String refName;
    private @Nullable Platform platform;
    private Map<String, String> annotations = Map.of();

    private Builder() {}

    /** Sets the ref name ({@code org.opencontainers.image.ref.name}). */
    public Builder refName(@Nullable String refName) {
      this.refName = refName;
      return this;
    }

    /** Sets the platform written in the descriptor. */
    public Builder platform(@Nullable Platform platform) {
      this.platform = platform;
      return this;
    }

    /** Sets further annotations of the descriptor. */
    public Builder annotations(Map<String, String> annotations) {
      this.annotations = Objects.requireNonNull(annotations, "annotations");
      return this;
    }

    /** The options. */
    public AppendOptions build() {
      return new AppendOptions(
          Optional.ofNullable(refName), Optional.ofNullable(platform), annotations);
    }
  }
}
