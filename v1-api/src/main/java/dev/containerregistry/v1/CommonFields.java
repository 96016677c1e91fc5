package dev.containerregistry.v1;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields an image manifest and an image index share, read and written in one place and in the
 * spec's order: {@code schemaVersion} and {@code mediaType} first, then the document's own fields,
 * then {@code annotations}, {@code subject} and {@code artifactType}.
 */
record CommonFields(
    long schemaVersion,
    Optional<MediaType> mediaType,
    Map<String, String> annotations,
    Optional<Descriptor> subject,
    Optional<MediaType> artifactType) {

  /** Refuses nulls and copies the annotations. */
  CommonFields {
    Objects.requireNonNull(mediaType, "mediaType");
    annotations = Copies.map(annotations, "annotations");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(artifactType, "artifactType");
  }

  /**
   * Checks the shared fields of a document as its constructor receives them.
   *
   * @param document the document, with its article, for the message: "a manifest"
   * @throws IllegalArgumentException when the schema version is not 2
   */
  static CommonFields checked(
      String document,
      long schemaVersion,
      Optional<MediaType> mediaType,
      Map<String, String> annotations,
      Optional<Descriptor> subject,
      Optional<MediaType> artifactType) {
    if (schemaVersion != Manifest.SCHEMA_VERSION) {
      throw new IllegalArgumentException(document + " has schemaVersion 2, got " + schemaVersion);
    }
    return new CommonFields(schemaVersion, mediaType, annotations, subject, artifactType);
  }

  /** Makes a document from the shared fields and the ones it holds already. */
  @FunctionalInterface
  interface Assembler<T> {
    /** The document with these shared fields. */
    T assemble(
        long schemaVersion,
        Optional<MediaType> mediaType,
        Map<String, String> annotations,
        Optional<Descriptor> subject,
        Optional<MediaType> artifactType);
  }

  /** The document {@code assembler} makes from these fields. */
  <T> T into(Assembler<T> assembler) {
    return assembler.assemble(schemaVersion, mediaType, annotations, subject, artifactType);
  }

  /** Reads the shared fields of {@code in}, refusing a schema version other than 2. */
  static CommonFields read(JsonFields in) throws MalformedDocumentException {
    return new CommonFields(
        in.schemaVersion(),
        in.mediaType("mediaType"),
        in.stringMap("annotations"),
        in.object("subject", Descriptor::read),
        in.mediaType("artifactType"));
  }

  /** The canonical bytes of a document: these fields around the ones {@code own} writes. */
  byte[] toJson(Json.JsonWritable own) {
    return Json.write(
        out -> {
          out.number("schemaVersion", schemaVersion);
          out.omitEmpty("mediaType", mediaType);
          own.writeFields(out);
          out.omitEmpty("annotations", annotations);
          out.omitEmpty("subject", subject, Descriptor::writeFields);
          out.omitEmpty("artifactType", artifactType);
        });
  }
}
