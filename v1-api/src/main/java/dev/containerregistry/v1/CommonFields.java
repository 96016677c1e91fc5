package dev.containerregistry.v1;

import java.util.Map;
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
