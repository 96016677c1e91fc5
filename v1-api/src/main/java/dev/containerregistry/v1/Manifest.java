package dev.containerregistry.v1;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An image manifest (OCI or Docker schema 2): the config descriptor and the layer descriptors.
 * {@link #parse} reads the bytes of a manifest; {@link #toJson} writes the canonical bytes
 * go-containerregistry writes for the same content (so the same digest).
 *
 * @param schemaVersion always 2
 * @param mediaType the manifest's own media type, absent in some older OCI manifests
 * @param config the descriptor of the config blob
 * @param layers the layer descriptors, base layer first
 * @param annotations arbitrary metadata
 * @param subject the manifest this one refers to (signatures, SBOMs)
 * @param artifactType the artifact type when the manifest describes an artifact
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">OCI image
 *     manifest</a>
 */
public record Manifest(
    long schemaVersion,
    Optional<MediaType> mediaType,
    Descriptor config,
    List<Descriptor> layers,
    Map<String, String> annotations,
    Optional<Descriptor> subject,
    Optional<MediaType> artifactType) {

  /** The only schema version of manifests and indexes that this SDK reads and writes. */
  public static final long SCHEMA_VERSION = 2;

  static final String DOCUMENT = "image manifest";

  /** Refuses nulls and a schema version other than 2, and copies the collections. */
  public Manifest {
    annotations =
        CommonFields.checked(
                "a manifest", schemaVersion, mediaType, annotations, subject, artifactType)
            .annotations();
    Objects.requireNonNull(config, "config");
    layers = Copies.list(layers, "layers");
  }

  /**
   * Reads a manifest; unknown fields are ignored.
   *
   * @throws MalformedDocumentException naming the field when the JSON is malformed, a digest or
   *     size is invalid or the schema version is not 2
   */
  public static Manifest parse(byte[] json) throws MalformedDocumentException {
    JsonFields in = Json.read(DOCUMENT, json);
    return of(
        CommonFields.read(in),
        in.requiredObject("config", Descriptor::read),
        in.list("layers", Descriptor::read));
  }

  private static Manifest of(CommonFields common, Descriptor config, List<Descriptor> layers) {
    return common.into(
        (version, type, annotations, subject, artifactType) ->
            new Manifest(version, type, config, layers, annotations, subject, artifactType));
  }

  private CommonFields common() {
    return new CommonFields(schemaVersion, mediaType, annotations, subject, artifactType);
  }

  /** The canonical bytes: compact, fields in spec order, empty optional fields omitted. */
  public byte[] toJson() {
    return common()
        .toJson(
            out -> {
              out.object("config", config, Descriptor::writeFields);
              out.objects("layers", layers, Descriptor::writeFields);
            });
  }

  /** A builder with schema version 2 and nothing else set; the config is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this manifest. */
  public Builder toBuilder() {
    return new Builder().common(common()).config(config).layers(layers);
  }

  /** Builds a {@link Manifest}; the setters of the shared fields return this builder. */
  public static final class Builder extends DocumentBuilder<Builder> {
    private @Nullable Descriptor config;
    private List<Descriptor> layers = List.of();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Sets the config descriptor. */
    public Builder config(Descriptor config) {
      this.config = config;
      return this;
    }

    /** Sets the layer descriptors, base first. */
    public Builder layers(List<Descriptor> layers) {
      this.layers = layers;
      return this;
    }

    /** The manifest. */
    public Manifest build() {
      return of(common(), Objects.requireNonNull(config, "config"), layers);
    }
  }
}
