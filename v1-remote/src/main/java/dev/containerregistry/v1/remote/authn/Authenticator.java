package dev.containerregistry.v1.remote.authn;

import java.io.IOException;
import java.util.Objects;

/**
 * Supplies the credentials to use for one registry. Called when the registry asks for them (a
 * {@code 401} on ping or on a token refresh), so implementations may fetch fresh credentials.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * The credentials to present.
   *
   * @throws IOException when they could not be obtained (a credential helper failed, say)
   */
  AuthConfig authorization() throws IOException;

  /** No credentials: anonymous access, which registries often grant for pulls. */
  static Authenticator anonymous() {
    return AuthConfig::anonymous;
  }

  /** Basic credentials, used directly or exchanged for a token. */
  static Authenticator basic(String username, String password) {
    AuthConfig config = AuthConfig.basic(username, password);
    return () -> config;
  }

  /** A bearer token presented to the registry as is. */
  static Authenticator bearer(String token) {
    AuthConfig config = AuthConfig.bearer(token);
    return () -> config;
  }

  /** Fixed credentials. */
  static Authenticator of(AuthConfig config) {
    Objects.requireNonNull(config, "config");
    return () -> config;
  }
}
