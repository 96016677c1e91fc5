package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Presents a bearer token to the registry (and to no other host). Tokens are kept per scope set in
 * the registry's {@link RegistryState}, so every transport of one cache shares them; a token is
 * fetched on first use, again shortly before it expires (so a long series of chunk uploads never
 * sends a stale one), and again when the registry answers {@code 401}: then once, with any scope
 * the challenge asks for added, and the request is sent again if its body allows (a streamed body
 * cannot be: its {@code 401} is returned with the token already refreshed for the caller's retry).
 */
final class BearerTransport implements Transport {

  private final Transport next;
  private final RegistryEndpoint registry;
  private final TokenExchange exchange;
  private final RegistryState state;
  private final TreeSet<String> scopes;

  BearerTransport(
      Transport next,
      RegistryEndpoint registry,
      TokenExchange exchange,
      RegistryState state,
      List<String> scopes) {
    this.next = Objects.requireNonNull(next, "next");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.state = Objects.requireNonNull(state, "state");
    this.scopes = new TreeSet<>(scopes);
  }

  @Override
  public Response send(Request request) throws IOException {
    if (!registry.owns(request.uri())) {
      return next.send(request);
    }
    String used = token(null);
    Response response = next.send(authorized(request, used));
    if (response.status() != 401) {
      return response;
    }
    addScopes(ChallengeParser.parse(response.headers().all("WWW-Authenticate")));
    if (!request.replayable()) {
      // The body is gone, so the caller decides whether to send again; it will find a fresh token.
      try {
        token(used);
      } catch (IOException e) {
        response.close();
        throw e;
      }
      return response;
    }
    response.close();
    return next.send(authorized(request, token(used)));
  }

  private static Request authorized(Request request, String token) {
    return request.withHeader("Authorization", "Bearer " + token);
  }

  /** A usable token for the current scopes, other than {@code refused}. */
  private String token(@Nullable String refused) throws IOException {
    List<String> wanted = currentScopes();
    return state.token(wanted, refused, exchange.clock(), () -> exchange.fetch(wanted)).value();
  }

  private synchronized List<String> currentScopes() {
    return List.copyOf(scopes);
  }

  private synchronized void addScopes(List<Challenge> challenges) {
    challenges.stream()
        .filter(Challenge::isBearer)
        .map(c -> c.param("scope"))
        .flatMap(Optional::stream)
        .flatMap(s -> Arrays.stream(s.split(" ")))
        .filter(s -> !s.isBlank())
        .forEach(scopes::add);
  }
}
