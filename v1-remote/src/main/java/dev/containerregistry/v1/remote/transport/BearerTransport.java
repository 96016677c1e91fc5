package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Presents a bearer token to the registry (and to no other host). The token is fetched on first use
 * and reused until the registry answers {@code 401}; then it is refreshed once, with any scope the
 * challenge asks for added, and the request is sent again if its body allows (a streamed body
 * cannot be: its {@code 401} is returned with the token already refreshed for the caller's retry).
 */
final class BearerTransport implements Transport {

  private final Transport next;
  private final RegistryEndpoint registry;
  private final TokenExchange exchange;
  private final Set<String> scopes;
  private @Nullable String token;

  BearerTransport(
      Transport next, RegistryEndpoint registry, TokenExchange exchange, List<String> scopes) {
    this.next = Objects.requireNonNull(next, "next");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.scopes = new LinkedHashSet<>(scopes);
  }

  @Override
  public Response send(Request request) throws IOException {
    if (!registry.owns(request.uri())) {
      return next.send(request);
    }
    String used = currentToken();
    Response response = next.send(authorized(request, used));
    if (response.status() != 401) {
      return response;
    }
    List<Challenge> challenges = ChallengeParser.parse(response.headers().all("WWW-Authenticate"));
    if (!request.replayable()) {
      // The body is gone, so the caller decides whether to send again; it will find a fresh token.
      try {
        refresh(used, challenges);
      } catch (IOException e) {
        response.close();
        throw e;
      }
      return response;
    }
    response.close();
    String refreshed = refresh(used, challenges);
    return next.send(authorized(request, refreshed));
  }

  private static Request authorized(Request request, String token) {
    return request.withHeader("Authorization", "Bearer " + token);
  }

  private synchronized String currentToken() throws IOException {
    if (token == null) {
      token = exchange.fetch(List.copyOf(scopes));
    }
    return token;
  }

  /** Refreshes unless another thread already replaced the token that was refused. */
  private synchronized String refresh(String refused, List<Challenge> challenges)
      throws IOException {
    challenges.stream()
        .filter(Challenge::isBearer)
        .map(c -> c.param("scope"))
        .flatMap(Optional::stream)
        .flatMap(s -> Arrays.stream(s.split(" ")))
        .filter(s -> !s.isBlank())
        .forEach(scopes::add);
    String current = token;
    if (current == null || refused.equals(current)) {
      current = exchange.fetch(List.copyOf(scopes));
      token = current;
    }
    return current;
  }
}
