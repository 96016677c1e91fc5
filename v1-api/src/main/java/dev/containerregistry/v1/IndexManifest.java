package dev.containerregistry.v1;

import java.util.List;
import java.util.Map;
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
    annotations =
        CommonFields.checked(
                "an index", schemaVersion, mediaType, annotations, subject, artifactType)
            .annotations();
    manifests = Copies.list(manifests, "manifests");
  }

  /**
   * Reads an index; unknown fields are ignored.
   *
   * @throws MalformedDocumentException naming the field when the JSON is malformed, a digest or
   *     size is invalid or the schema version is not 2
   */
  public static IndexManifest parse(byte[] json) throws MalformedDocumentException {
    JsonFields in = Json.read(DOCUMENT, json);
    return of(CommonFields.read(in), in.list("manifests", Descriptor::read));
  }

  private static IndexManifest of(CommonFields common, List<Descriptor> manifests) {
    return common.into(
        (version, type, annotations, subject, artifactType) ->
            new IndexManifest(version, type, manifests, annotations, subject, artifactType));
  }

  private CommonFields common() {
    return new CommonFields(schemaVersion, mediaType, annotations, subject, artifactType);
  }

  /** The canonical bytes: compact, fields in spec order, empty optional fields omitted. */
  public byte[] toJson() {
    return common().toJson(out -> out.objects("manifests", manifests, Descriptor::writeFields));
  }

  /** A builder with schema version 2, no media type and no manifests. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this index. */
  public Builder toBuilder() {
    return new Builder().common(common()).manifests(manifests);
  }

  /** Builds an {@link IndexManifest}; the setters of the shared fields return this builder. */
  public static final class Builder extends DocumentBuilder<Builder> {
    private List<Descriptor> manifests = List.of();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Sets the child descriptors. */
    public Builder manifests(List<Descriptor> manifests) {
      this.manifests = manifests;
      return this;
    }

    /** The index. */
    public IndexManifest build() {
      return of(common(), manifests);
    }
  }
}
