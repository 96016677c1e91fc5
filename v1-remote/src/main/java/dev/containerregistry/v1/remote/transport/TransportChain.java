package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the layers of an authenticated transport, outermost first: retries, then credentials
 * (bearer or basic, chosen by pinging the registry), then redirects, then the user agent, then the
 * configured bottom transport.
 */
final class TransportChain {

  private final TransportConfig config;
  private final Sleeper sleeper;

  TransportChain(TransportConfig config, Sleeper sleeper) {
    this.config = config;
    this.sleeper = sleeper;
  }

  Transport build(RegistryEndpoint registry, List<String> scopes) throws IOException {
    Transport bottom = config.base();
    String userAgent = config.userAgent();
    Transport redirecting =
        new RedirectingTransport(
            request -> bottom.send(request.withHeader("User-Agent", userAgent)));
    Transport retrying = new RetryTransport(redirecting, config.retry(), sleeper);
    Optional<Challenge> challenge = Ping.challenge(retrying, registry);
    Transport authenticated = redirecting;
    if (challenge.isPresent() && challenge.get().isBearer()) {
      TokenExchange exchange =
          new TokenExchange(retrying, registry, challenge.get(), config.authenticator());
      authenticated = new BearerTransport(redirecting, registry, exchange, scopes);
    } else if (challenge.isPresent()) {
      authenticated = new BasicTransport(redirecting, registry, config.authenticator());
    }
    return new RetryTransport(authenticated, config.retry(), sleeper);
  }
}
