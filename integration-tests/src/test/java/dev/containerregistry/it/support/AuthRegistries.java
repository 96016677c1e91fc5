package dev.containerregistry.it.support;

import dev.containerregistry.it.RegistryContainer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.testcontainers.images.builder.Transferable;

/** Starts registries that require credentials: basic ({@code htpasswd}) and token auth. */
public final class AuthRegistries {
  private AuthRegistries() {}

  /** A registry accepting only {@code user}/{@code password} over basic auth. */
  public static RegistryContainer basic(String user, String password)
      throws IOException, InterruptedException {
    String line = Commands.run(List.of("htpasswd", "-Bbn", user, password)).strip() + "\n";
    return RegistryContainer.start(
        Map.of(
            "REGISTRY_AUTH", "htpasswd",
            "REGISTRY_AUTH_HTPASSWD_REALM", "test-realm",
            "REGISTRY_AUTH_HTPASSWD_PATH", "/auth/htpasswd"),
        Map.of("/auth/htpasswd", Transferable.of(line)));
  }

  /** A registry trusting tokens issued by {@code tokens}. */
  public static RegistryContainer token(TokenServer tokens) {
    return RegistryContainer.start(
        Map.of(
            "REGISTRY_AUTH",
            "token",
            "REGISTRY_AUTH_TOKEN_REALM",
            tokens.realm(),
            "REGISTRY_AUTH_TOKEN_SERVICE",
            TokenServer.SERVICE,
            "REGISTRY_AUTH_TOKEN_ISSUER",
            TokenServer.ISSUER,
            "REGISTRY_AUTH_TOKEN_ROOTCERTBUNDLE",
            "/auth/token-cert.pem"),
        Map.of("/auth/token-cert.pem", Transferable.of(tokens.certificatePem())));
  }
}
