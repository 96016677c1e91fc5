package dev.containerregistry.v1;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    if (schemaVersion != SCHEMA_VERSION) {
      throw new IllegalArgumentException("a manifest has schemaVersion 2, got " + schemaVersion);
    }
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(config, "config");
    layers = Copies.list(layers, "layers");
    annotations = Copies.map(annotations, "annotations");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(artifactType, "artifactType");
  }

  /**
   * Reads a manifest; unknown fields are ignored.
   *
   * @throws MalformedDocumentException naming the field when the JSON is malformed, a digest or
   *     size is invalid or the schema version is not 2
   */
  public static Manifest parse(byte[] json) throws MalformedDocumentException {
    JsonFields in = Json.read(DOCUMENT, json);
    CommonFields common = CommonFields.read(in);
    return new Manifest(
        common.schemaVersion(),
        common.mediaType(),
        in.requiredObject("config", Descriptor::read),
        in.list("layers", Descriptor::read),
        common.annotations(),
        common.subject(),
        common.artifactType());
  }

  /** The canonical bytes: compact, fields in spec order, empty optional fields omitted. */
  public byte[] toJson() {
    return new CommonFields(schemaVersion, mediaType, annotations, subject, artifactType)
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
    return new Builder()
        .mediaType(mediaType.orElse(null))
        .config(config)
        .layers(layers)
        .annotations(annotations)
        .subject(subject.orElse(null))
        .artifactType(artifactType.orElse(null));
  }

  /** Builds a {@link Manifest}. */
  public static final class Builder {
    private MediaType mediaType;
    private Descriptor config;
    private List<Descriptor> layers = List.of();
    private Map<String, String> annotations = Map.of();
    private Descriptor subject;
    private MediaType artifactType;

    private Builder() {}

    /** Sets the manifest's media type; null omits it. */
    public Builder mediaType(MediaType mediaType) {
      this.mediaType = mediaType;
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

    /** Sets the annotations. */
    public Builder annotations(Map<String, String> annotations) {
      this.annotations = annotations;
      return this;
    }

    /** Sets the subject; null omits it. */
    public Builder subject(Descriptor subject) {
      this.subject = subject;
      return this;
    }

    /** Sets the artifact type; null omits it. */
    public Builder artifactType(MediaType artifactType) {
      this.artifactType = artifactType;
      return this;
    }

    /** The manifest. */
    public Manifest build() {
      return new Manifest(
          SCHEMA_VERSION,
          Optional.ofNullable(mediaType),
          config,
          layers,
          annotations,
          Optional.ofNullable(subject),
          Optional.ofNullable(artifactType));
    }
  }
}
