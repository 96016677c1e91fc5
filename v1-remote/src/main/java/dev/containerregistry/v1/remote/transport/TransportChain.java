package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the layers of an authenticated transport, outermost first: the registry's endpoint
 * (https when a registry named for plain http answered over TLS), then credentials (bearer or
 * basic, chosen by pinging the registry, the credentials asked once), then retries, then redirects
 * (token requests follow none), then the user agent, then the configured bottom transport, which
 * the configured listener observes (so it sees every request actually sent). Every request, the
 * ping's and the token server's included, passes exactly one retry layer, so a failing token server
 * is asked at most {@link RetryPolicy#maxAttempts()} times per token.
 */
final class TransportChain {

  private final TransportConfig config;
  private final RegistryCache cache;
  private final Sleeper sleeper;
  private final Clock clock;

  TransportChain(TransportConfig config, RegistryCache cache, Sleeper sleeper, Clock clock) {
    this.config = config;
    this.cache = cache;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * A transport for {@code scopes} at the registry {@code declared} names; pings it unless the
   * cache already knows where it answers and its challenge.
   */
  Transport build(RegistryEndpoint declared, List<String> scopes) throws IOException {
    RegistryState state = cache.state(declared);
    Transport bottom = ObservedTransport.of(config.transport(), config.listener());
    String userAgent = config.userAgent();
    Transport plain = request -> bottom.send(request.withHeader("User-Agent", userAgent));
    Transport redirecting = new RedirectingTransport(plain);
    Transport retrying =
        new RetryTransport(redirecting, config.retry(), sleeper, config.listener());
    Ping.Answer ping = state.ping(() -> Ping.probe(redirecting, retrying, declared));
    RegistryEndpoint registry = ping.reached();
    Optional<Challenge> challenge = ping.challenge();
    Transport authenticated = retrying;
    if (challenge.isPresent() && challenge.get().isBearer()) {
      // Token requests follow no redirect: a realm cannot forward credentials or a body elsewhere.
      Transport tokens = new RetryTransport(plain, config.retry(), sleeper, config.listener());
      TokenExchange exchange =
          new TokenExchange(
              tokens,
              registry,
              challenge.get(),
              config.auth(),
              state,
              clock,
              config.allowedRealmHosts());
      authenticated = new BearerTransport(retrying, registry, exchange, state, scopes);
    } else if (challenge.isPresent()) {
      authenticated = new BasicTransport(retrying, registry, config.auth(), state);
    }
    return EndpointTransport.of(authenticated, declared, registry);
  }
}
