package dev.containerregistry.v1.remote.authn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a Docker {@code config.json} (or containers {@code auth.json}) that hold
 * credentials: {@code auths} entries by server key, {@code credHelpers} by host, and the {@code
 * credsStore} helper for everything else.
 *
 * @param auths the {@code auths} entries, keyed as written
 * @param credHelpers helper names by registry key
 * @param credsStore the default helper name, or empty
 */
record AuthFile(Map<String, AuthConfig> auths, Map<String, String> credHelpers, String credsStore) {

  private static final AuthFile EMPTY = new AuthFile(Map.of(), Map.of(), "");

  AuthFile {
    auths = Map.copyOf(auths);
    credHelpers = Map.copyOf(credHelpers);
  }

  /** Reads {@code file}; a missing file holds nothing. */
  static AuthFile read(Path file) throws IOException {
    JsonNode root = SecretJson.read(file, "reading credentials from " + file);
    if (!root.isObject()) {
      return EMPTY;
    }
    Map<String, AuthConfig> auths = new LinkedHashMap<>();
    root.path("auths").properties().forEach(e -> auths.put(e.getKey(), entry(e.getValue())));
    Map<String, String> helpers = new LinkedHashMap<>();
    root.path("credHelpers")
        .properties()
        .forEach(e -> helpers.put(e.getKey(), e.getValue().asText("")));
    return new AuthFile(auths, helpers, root.path("credsStore").asText(""));
  }

  private static AuthConfig entry(JsonNode node) {
    return new AuthConfig(
        node.path("username").asText(""),
        node.path("password").asText(""),
        node.path("auth").asText(""),
        node.path("identitytoken").asText(""),
        node.path("registrytoken").asText(""));
  }

  /** The {@code auths} entry whose key names {@code host}, if any. */
  Optional<AuthConfig> auth(String host) {
    return auths.entrySet().stream()
        .filter(e -> RegistryKeys.hostOf(e.getKey()).equals(host))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** The helper configured for {@code host} (or its Docker Hub key), else the store, if any. */
  Optional<String> helper(String host, String serverKey) {
    String named = credHelpers.getOrDefault(serverKey, credHelpers.get(host));
    if (named != null && !named.isBlank()) {
      return Optional.of(named);
    }
    return credsStore.isBlank() ? Optional.empty() : Optional.of(credsStore);
  }
}
