package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RegistryCache} keeps for one registry: the ping's answer (scheme and challenge), the
 * credentials and the bearer tokens by scope set. Each value is computed by one thread while others
 * wait for it.
 */
final class RegistryState {

  private Ping.@Nullable Answer ping;

  private @Nullable AuthConfig credentials;
  private final Map<List<String>, BearerToken> tokens = new ConcurrentHashMap<>();
  private final Map<List<String>, Object> tokenLocks = new ConcurrentHashMap<>();

  /** What the registry's ping learned, pinging with {@code pinger} the first time. */
  synchronized Ping.Answer ping(IoSupplier<Ping.Answer> pinger) throws IOException {
    Ping.Answer known = ping;
    if (known == null) {
      known = pinger.get();
      ping = known;
    }
    return known;
  }

  /** The credentials, asked of {@code authenticator} the first time. */
  synchronized AuthConfig credentials(Authenticator authenticator, RegistryEndpoint registry)
      throws IOException {
    AuthConfig known = credentials;
    if (known == null) {
      known = Credentials.read(authenticator, registry);
      credentials = known;
    }
    return known;
  }

  /**
   * Forgets {@code refused} (the credentials a {@code 401} answered), so that the next call to
   * {@link #credentials} asks the authenticator again; credentials another thread already replaced
   * are kept.
   */
  synchronized void forgetCredentials(AuthConfig refused) {
    if (refused.equals(credentials)) {
      credentials = null;
    }
  }

  /**
   * A usable token for {@code scopes}: the one kept, unless it is {@code refused} or about to
   * expire, else a new one from {@code fetch}. One thread fetches per scope set; the others wait
   * for its token.
   */
  BearerToken token(
      List<String> scopes, @Nullable String refused, Clock clock, IoSupplier<BearerToken> fetch)
      throws IOException {
    synchronized (tokenLocks.computeIfAbsent(scopes, s -> new Object())) {
      BearerToken kept = tokens.get(scopes);
      if (kept != null && kept.usableAt(clock.instant()) && !kept.value().equals(refused)) {
        return kept;
      }
      BearerToken fresh = fetch.get();
      tokens.put(scopes, fresh);
      return fresh;
    }
  }
}
