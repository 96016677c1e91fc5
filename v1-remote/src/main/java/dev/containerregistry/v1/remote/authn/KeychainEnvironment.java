package dev.containerregistry.v1.remote.authn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables and home directory the file keychains read; tests pass their own.
 *
 * @param variables the environment variables
 * @param home the user's home directory
 * @param helperTimeout how long a credential helper may take before it is killed
 */
record KeychainEnvironment(Map<String, String> variables, Path home, Duration helperTimeout) {

  KeychainEnvironment {
    variables = Map.copyOf(variables);
  }

  KeychainEnvironment(Map<String, String> variables, Path home) {
    this(variables, home, CredentialHelper.DEFAULT_TIMEOUT);
  }

  static KeychainEnvironment system() {
    return new KeychainEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The variable {@code name} when set and not blank. */
  Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
  }
}
