package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Ready-made transports: the shared HTTP client, and authenticated transports for a registry with
 * the scopes of an operation.
 */
public final class Transports {

  private Transports() {}

  /**
   * The JVM-wide pooled HTTP client: no redirects, no retries, no decompression, no credentials.
   * Use it as the bottom of your own transport chain.
   */
  public static Transport http() {
    return HttpClientTransport.shared();
  }

  /**
   * A new pooled HTTP client that trusts what {@code sslContext} trusts (a private CA, say). Create
   * it once and reuse it: each holds its own connection pool.
   */
  public static Transport http(SSLContext sslContext) {
    return http(HttpSettings.builder().sslContext(sslContext).build());
  }

  /**
   * A new pooled HTTP client with {@code settings} (timeouts, proxy, trust). Create it once and
   * reuse it: each holds its own connection pool, released when the returned transport (a {@link
   * java.io.Closeable}) is closed.
   */
  public static Transport http(HttpSettings settings) {
    return new HttpClientTransport(settings);
  }

  /**
   * A transport authenticated for {@code scopes} (token scope strings such as {@code
   * repository:foo/bar:push,pull}) at {@code registry}: it pings {@code /v2/} now, then answers the
   * registry's challenge on first use. Requests to other hosts carry no credentials.
   *
   * @throws IOException when the registry cannot be reached or answers the ping with an error
   */
  public static Transport forRegistry(
      Registry registry, List<String> scopes, TransportConfig config) throws IOException {
    return forRegistry(registry, scopes, config, RegistryCache.create());
  }

  /**
   * As {@link #forRegistry(Registry, List, TransportConfig)}, with the ping's answer, the
   * credentials and the tokens taken from {@code cache} when it has them (and kept there for the
   * next transport): transports built one after the other for one registry then ping once and fetch
   * one token per scope set.
   *
   * @throws IOException when the registry cannot be reached or answers the ping with an error
   */
  public static Transport forRegistry(
      Registry registry, List<String> scopes, TransportConfig config, RegistryCache cache)
      throws IOException {
    RegistryEndpoint endpoint =
        RegistryEndpoint.of(registry.scheme(), registry.name(), registry.insecure());
    return new TransportChain(config, cache, Sleeper.REAL, Clock.systemUTC())
        .build(endpoint, List.copyOf(scopes));
  }

  /**
   * A transport for {@code actions} (for example {@code "pull"}, or {@code "push", "pull"}) on
   * {@code repository}.
   *
   * @throws IOException when the registry cannot be reached or answers the ping with an error
   */
  public static Transport forRepository(
      Repository repository, TransportConfig config, String... actions) throws IOException {
    return forRegistry(
        repository.registry(), List.of(repository.scope(String.join(",", actions))), config);
  }
}
