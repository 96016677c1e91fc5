package dev.containerregistry.v1.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what kind of document a registry served: the {@code Content-Type} when it names a
 * manifest type, else the document's own {@code mediaType}, else its shape ({@code manifests} means
 * an OCI index, {@code config} an OCI manifest, {@code schemaVersion: 1} Docker schema 1). Some
 * registries and proxies send {@code application/json} or nothing at all.
 */
final class ManifestMediaType {

  /** The one JSON mapper of this package (Jackson mappers are thread-safe once configured). */
  static final ObjectMapper JSON = new ObjectMapper();

  private ManifestMediaType() {}

  /**
   * @param contentType the {@code Content-Type} header, parameters included, if any
   * @param json the document
   * @param subject what was fetched, for messages
   * @throws IOException quoting the subject when the document is not JSON
   */
  static MediaType of(Optional<String> contentType, byte[] json, String subject)
      throws IOException {
    Optional<MediaType> declared = contentType.flatMap(ManifestMediaType::withoutParameters);
    if (declared.filter(ManifestMediaType::isManifestType).isPresent()) {
      return declared.get();
    }
    JsonNode document;
    try {
      document = JSON.readTree(json);
    } catch (IOException e) {
      throw new IOException(
          subject + ": the registry served a manifest that is not JSON: " + e.getMessage(), e);
    }
    if (document == null || !document.isObject()) {
      throw new IOException(subject + ": the registry served a manifest that is not a JSON object");
    }
    JsonNode own = document.get("mediaType");
    if (own != null && own.isTextual() && !own.asText().isBlank()) {
      return MediaType.of(own.asText());
    }
    if (document.path("schemaVersion").asInt() == 1) {
      return MediaType.DOCKER_MANIFEST_SCHEMA1_SIGNED;
    }
    if (document.has("manifests")) {
      return MediaType.OCI_IMAGE_INDEX;
    }
    if (document.has("config")) {
      return MediaType.OCI_MANIFEST;
    }
    return declared.orElseThrow(
        () -> new IOException(subject + ": the registry served a document with no media type"));
  }

  private static Optional<MediaType> withoutParameters(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    return type.isEmpty()
        ? Optional.empty()
        : Optional.of(MediaType.of(type.toLowerCase(Locale.ROOT)));
  }

  private static boolean isManifestType(MediaType type) {
    return type.isImage() || type.isIndex() || type.isSchema1();
  }
}
