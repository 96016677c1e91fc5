package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v2/}: learns whether the registry speaks the distribution API and how it wants
 * clients to authenticate (nothing, or the challenges of its {@code 401}).
 */
final class Ping {

  private Ping() {}

  /**
   * The challenge to answer, or empty when the registry grants access without one. A bearer
   * challenge is preferred over basic when both are offered.
   */
  static Optional<Challenge> challenge(Transport transport, RegistryEndpoint registry)
      throws IOException {
    Request request = Request.get(registry.resolve("/v2/"));
    Response response;
    try {
      response = transport.send(request);
    } catch (TransportException e) {
      throw e.whileDoing("pinging the registry");
    } catch (IOException e) {
      throw new IOException("pinging " + request + ": " + e.getMessage(), e);
    }
    if (response.status() != 401) {
      try {
        TransportException.check(response).close();
        return Optional.empty();
      } catch (TransportException error) {
        throw error.whileDoing("pinging the registry");
      }
    }
    List<Challenge> challenges = ChallengeParser.parse(response.headers().all("WWW-Authenticate"));
    response.close();
    Optional<Challenge> chosen = challenges.stream().filter(Challenge::isBearer).findFirst();
    if (chosen.isEmpty()) {
      chosen = challenges.stream().filter(Challenge::isBasic).findFirst();
    }
    if (chosen.isEmpty()) {
      throw new ProtocolException(
          request
              + ": the registry answered 401 without a Bearer or Basic challenge (got "
              + response.headers().all("WWW-Authenticate")
              + ")");
    }
    return chosen;
  }
}
