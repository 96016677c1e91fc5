package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the layers of an authenticated transport, outermost first: retries, then credentials
 * (bearer or basic, chosen by pinging the registry, the credentials asked once), then redirects
 * (token requests follow none), then the user agent, then the configured bottom transport.
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
    Transport plain = request -> bottom.send(request.withHeader("User-Agent", userAgent));
    Transport redirecting = new RedirectingTransport(plain);
    Transport retrying = new RetryTransport(redirecting, config.retry(), sleeper);
    Optional<Challenge> challenge = Ping.challenge(retrying, registry);
    Transport authenticated = redirecting;
    Authenticator credentials = new OncePerOperation(config.authenticator());
    if (challenge.isPresent() && challenge.get().isBearer()) {
      // Token requests follow no redirect: a realm cannot forward credentials or a body elsewhere.
      Transport tokens = new RetryTransport(plain, config.retry(), sleeper);
      TokenExchange exchange =
          new TokenExchange(
              tokens, registry, challenge.get(), credentials, config.allowedRealmHosts());
      authenticated = new BearerTransport(redirecting, registry, exchange, scopes);
    } else if (challenge.isPresent()) {
      authenticated = new BasicTransport(redirecting, registry, credentials);
    }
    return new RetryTransport(authenticated, config.retry(), sleeper);
  }
}
