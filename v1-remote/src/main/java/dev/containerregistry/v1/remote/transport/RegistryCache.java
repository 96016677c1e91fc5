package dev.containerregistry.v1.remote.transport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What transports built with it learn about each registry, kept for the next ones: the answer to
 * the {@code /v2/} ping (scheme and challenge), the credentials (asked of the authenticator once),
 * and bearer tokens per set of scopes, reused until shortly before they expire.
 *
 * <p>Credentials are asked again after the registry or its token server answers {@code 401} to them
 * (a rotated password, an expired helper login); a token is fetched again when it is about to
 * expire or the registry refuses it. A failed ping is not remembered. Thread-safe.
 *
 * <p>One cache belongs with one {@link TransportConfig}: the credentials it keeps are those of the
 * config's authenticator. {@code RegistryClient} holds one for its whole life.
 */
public final class RegistryCache {

  private final ConcurrentMap<RegistryEndpoint, RegistryState> registries =
      new ConcurrentHashMap<>();

  private RegistryCache() {}

  /** An empty cache. */
  public static RegistryCache create() {
    return new RegistryCache();
  }

  /** The state kept for {@code registry}, created empty on first use. */
  RegistryState state(RegistryEndpoint registry) {
    return registries.computeIfAbsent(registry, r -> new RegistryState());
  }
}
