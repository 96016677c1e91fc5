package dev.containerregistry.v1.remote.authn;

import dev.containerregistry.name.Registry;
import java.util.Locale;

/**
 * How credential files name a registry: by host, optionally with a scheme and a path ({@code
 * https://registry.example.com/v1/}); Docker Hub always as {@code https://index.docker.io/v1/}.
 */
final class RegistryKeys {

  static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
  private static final String DOCKER_HUB_HOST = "index.docker.io";

  private RegistryKeys() {}

  /** The key a credential helper is asked about for {@code registry}. */
  static String serverKey(Registry registry) {
    return isDockerHub(registry.name()) ? DOCKER_HUB_KEY : registry.name();
  }

  /** The host a file entry is for: scheme and path dropped, Docker Hub aliases unified. */
  static String hostOf(String key) {
    String host = key.strip().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return isDockerHub(host) ? DOCKER_HUB_HOST : host;
  }

  private static boolean isDockerHub(String host) {
    return host.equals(DOCKER_HUB_HOST)
        || host.equals("docker.io")
        || host.equals("registry-1.docker.io");
  }
}
