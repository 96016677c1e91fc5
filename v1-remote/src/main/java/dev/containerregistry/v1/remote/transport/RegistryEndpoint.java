package dev.containerregistry.v1.remote.transport;

import java.net.URI;
import java.util.Objects;

/**
 * Where a registry answers and whether the user accepted plain http for it.
 *
 * @param base {@code scheme://host[:port]} of the registry
 * @param insecure true when the user marked the registry insecure
 */
record RegistryEndpoint(URI base, boolean insecure) {

  RegistryEndpoint {
    Objects.requireNonNull(base, "base");
    if (base.getHost() == null) {
      throw new IllegalArgumentException("a registry endpoint needs a host: " + base);
    }
  }

  /** The endpoint for {@code host} (with optional port) reached with {@code scheme}. */
  static RegistryEndpoint of(String scheme, String host, boolean insecure) {
    return new RegistryEndpoint(URI.create(scheme + "://" + host), insecure);
  }

  /** {@code base} + {@code path}, where {@code path} starts with {@code /}. */
  URI resolve(String path) {
    return URI.create(base + path);
  }

  /** True when the endpoint is reached over plain http. */
  boolean isPlainHttp() {
    return "http".equalsIgnoreCase(base.getScheme());
  }

  /** True when the registry is on this machine ({@code localhost}, a loopback address). */
  boolean isLoopback() {
    return CredentialPolicy.isLoopbackHost(base.getHost());
  }

  /** The same host and port (as written) reached with {@code scheme}. */
  RegistryEndpoint withScheme(String scheme) {
    return new RegistryEndpoint(sameAuthority(base, scheme), insecure);
  }

  /**
   * {@code uri} with {@code scheme} in place of its own; host, port (as written), path and query
   * unchanged.
   */
  static URI sameAuthority(URI uri, String scheme) {
    return URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
  }

  /** True when {@code uri} has the registry's scheme, host and port. */
  boolean owns(URI uri) {
    return Locations.sameOrigin(base, uri);
  }
}
