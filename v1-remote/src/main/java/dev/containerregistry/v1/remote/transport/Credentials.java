package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;

/** Asks an authenticator for a registry's credentials, with {@code auth} decoded. */
final class Credentials {

  private Credentials() {}

  static AuthConfig read(Authenticator authenticator, RegistryEndpoint registry) throws IOException {
    try {
      return authenticator.authorization().decoded();
    } catch (IllegalArgumentException e) {
      throw new IOException(
          "reading the credentials for " + registry.base().getHost() + ": " + e.getMessage(), e);
    }
  }
}
