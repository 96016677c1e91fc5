package dev.containerregistry.v1.remote.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Parses the {@code errors} array of a registry error body; anything else yields no errors. */
final class ErrorBodyParser {

  /** The one JSON mapper of this package (Jackson mappers are thread-safe once configured). */
  static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodyParser() {}

  /** True when there is at least one error and every one means "try again". */
  static boolean allTemporary(List<RegistryError> errors) {
    return !errors.isEmpty()
        && errors.stream().allMatch(e -> e.knownCode().map(ErrorCode::temporary).orElse(false));
  }

  static List<RegistryError> parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return List.of();
    }
    if (root == null || !root.path("errors").isArray()) {
      return List.of();
    }
    List<RegistryError> errors = new ArrayList<>();
    for (JsonNode entry : root.path("errors")) {
      JsonNode detail = entry.path("detail");
      errors.add(
          new RegistryError(
              entry.path("code").asText(""),
              entry.path("message").asText(""),
              detail.isMissingNode() || detail.isNull() ? "" : detail.toString()));
    }
    return List.copyOf(errors);
  }
}
