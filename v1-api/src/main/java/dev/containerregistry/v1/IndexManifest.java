package dev.containerregistry.v1;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An image index (OCI) or manifest list (Docker): descriptors of manifests, usually one image per
 * platform. {@link #parse} reads the bytes; {@link #toJson} writes the canonical bytes
 * go-containerregistry writes for the same content.
 *
 * @param schemaVersion always 2
 * @param mediaType the index's own media type, absent in some older OCI indexes
 * @param manifests the descriptors of the child images and indexes
 * @param annotations arbitrary metadata
 * @param subject the manifest this one refers to
 * @param artifactType the artifact type when the index describes an artifact
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image
 *     index</a>
 */
public record IndexManifest(
    long schemaVersion,
    Optional<MediaType> mediaType,
    List<Descriptor> manifests,
    Map<String, String> annotations,
    Optional<Descriptor> subject,
    Optional<MediaType> artifactType) {

  static final String DOCUMENT = "image index";

  /** Refuses nulls and a schema version other than 2, and copies the collections. */
  public IndexManifest {
    if (schemaVersion != Manifest.SCHEMA_VERSION) {
      throw new IllegalArgumentException("an index has schemaVersion 2, got " + schemaVersion);
    }
    Objects.requireNonNull(mediaType, "mediaType");
    manifests = Copies.list(manifests, "manifests");
    annotations = Copies.map(annotations, "annotations");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(artifactType, "artifactType");
  }

  /**
   * Reads an index; unknown fields are ignored.
   *
   * @throws MalformedDocumentException naming the field when the JSON is malformed, a digest or
   *     size is invalid or the schema version is not 2
   */
  public static IndexManifest parse(byte[] json) throws MalformedDocumentException {
    JsonFields in = Json.read(DOCUMENT, json);
    CommonFields common = CommonFields.read(in);
    return new IndexManifest(
        common.schemaVersion(),
        common.mediaType(),
        in.list("manifests", Descriptor::read),
        common.annotations(),
        common.subject(),
        common.artifactType());
  }

  /** The canonical bytes: compact, fields in spec order, empty optional fields omitted. */
  public byte[] toJson() {
    return new CommonFields(schemaVersion, mediaType, annotations, subject, artifactType)
        .toJson(out -> out.objects("manifests", manifests, Descriptor::writeFields));
  }

  /** A builder with schema version 2, no media type and no manifests. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this index. */
  public Builder toBuilder() {
    return new Builder()
        .mediaType(mediaType.orElse(null))
        .manifests(manifests)
        .annotations(annotations)
        .subject(subject.orElse(null))
        .artifactType(artifactType.orElse(null));
  }

  /** Builds an {@link IndexManifest}. */
  public static final class Builder {
    private MediaType mediaType;
    private List<Descriptor> manifests = List.of();
    private Map<String, String> annotations = Map.of();
    private Descriptor subject;
    private MediaType artifactType;

    private Builder() {}

    /** Sets the index's media type; null omits it. */
    public Builder mediaType(MediaType mediaType) {
      this.mediaType = mediaType;
      return this;
    }

    /** Sets the child descriptors. */
    public Builder manifests(List<Descriptor> manifests) {
      this.manifests = manifests;
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

    /** The index. */
    public IndexManifest build() {
      return new IndexManifest(
          Manifest.SCHEMA_VERSION,
          Optional.ofNullable(mediaType),
          manifests,
          annotations,
          Optional.ofNullable(subject),
          Optional.ofNullable(artifactType));
    }
  }
}
