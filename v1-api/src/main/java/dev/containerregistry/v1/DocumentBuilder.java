package dev.containerregistry.v1;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The setters an image manifest's builder and an image index's builder share: the fields of {@link
 * CommonFields}, gathered with schema version 2.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class DocumentBuilder<B extends DocumentBuilder<B>> {
  private @Nullable MediaType mediaType;
  private Map<String, String> annotations = Map.of();
  private @Nullable Descriptor subject;
  private @Nullable MediaType artifactType;

  DocumentBuilder() {}

  /** This builder, typed as the concrete builder. */
  abstract B self();

  /** Sets the document's own media type; null omits it. */
  public B mediaType(@Nullable MediaType mediaType) {
    this.mediaType = mediaType;
    return self();
  }

  /** Sets the annotations. */
  public B annotations(Map<String, String> annotations) {
    this.annotations = annotations;
    return self();
  }

  /** Sets the subject; null omits it. */
  public B subject(@Nullable Descriptor subject) {
    this.subject = subject;
    return self();
  }

  /** Sets the artifact type; null omits it. */
  public B artifactType(@Nullable MediaType artifactType) {
    this.artifactType = artifactType;
    return self();
  }

  /** Sets every shared field from {@code common}, as a builder starting from a document does. */
  B common(CommonFields common) {
    return mediaType(common.mediaType().orElse(null))
        .annotations(common.annotations())
        .subject(common.subject().orElse(null))
        .artifactType(common.artifactType().orElse(null));
  }

  /** The shared fields set so far, with schema version 2. */
  CommonFields common() {
    return new CommonFields(
        Manifest.SCHEMA_VERSION,
        Optional.ofNullable(mediaType),
        annotations,
        Optional.ofNullable(subject),
        Optional.ofNullable(artifactType));
  }
}
