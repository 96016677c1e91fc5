package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Asks an authenticator for a registry's credentials, with {@code auth} decoded, and writes them as
 * a {@code Basic} header value.
 */
final class Credentials {

  private Credentials() {}

  static AuthConfig read(Authenticator authenticator, RegistryEndpoint registry)
      throws IOException {
    try {
      return authenticator.authorization().decoded();
    } catch (IllegalArgumentException e) {
      throw new IOException(
          "reading the credentials for " + registry.base().getHost() + ": " + e.getMessage(), e);
    }
  }

  /** {@code Basic <base64 of user:password>}. */
  static String basic(AuthConfig auth) {
    String pair = auth.username() + ":" + auth.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
