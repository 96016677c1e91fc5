package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v2/}: learns where the registry answers (https, or plain http for a registry whose
 * name allows it), whether it speaks the distribution API, and how it wants clients to authenticate
 * (nothing, or the challenges of its {@code 401}).
 */
final class Ping {

  private static final Logger LOG = LoggerFactory.getLogger(Ping.class);

  private Ping() {}

  /**
   * What the ping learned.
   *
   * @param reached the endpoint that answered: its scheme is the one every later request uses
   * @param challenge the challenge to answer, or empty when the registry grants access without one
   */
  record Answer(RegistryEndpoint reached, Optional<Challenge> challenge) {}

  /**
   * Pings {@code declared}. An https registry is pinged over https only. A registry whose name
   * means plain http is also tried the other way: a loopback host over plain http first (nothing
   * leaves the machine, and a TLS server shows itself by failing a plain request), over TLS when
   * that got no answer or a {@code 400}; any other host (a private address, or one marked insecure)
   * over TLS first, once and without retries, then over plain http when nothing answered over TLS.
   *
   * @param once sends without retrying, for the first attempt of two
   * @param retrying sends with the retry policy
   */
  static Answer probe(Transport once, Transport retrying, RegistryEndpoint declared)
      throws IOException {
    if (!declared.isPlainHttp()) {
      return new Answer(declared, challenge(ping(retrying, declared)));
    }
    RegistryEndpoint tls = declared.withScheme("https");
    if (declared.isLoopback()) {
      Optional<Response> plain = attempt(once, declared);
      if (plain.isPresent() && plain.get().status() != 400) {
        return settle(plain.get(), retrying, declared);
      }
      if (plain.isPresent()) {
        plain.get().close();
      }
    }
    Optional<Response> overTls = attempt(once, tls);
    if (overTls.isPresent()) {
      return settle(overTls.get(), retrying, tls);
    }
    return new Answer(declared, challenge(ping(retrying, declared)));
  }

  /**
   * The answer at {@code registry}, which answered {@code first}: its challenge when it is a ping's
   * answer ({@code 200} or {@code 401}), else that of a ping with retries (a {@code 503} may pass).
   */
  private static Answer settle(Response first, Transport retrying, RegistryEndpoint registry)
      throws IOException {
    if (first.status() == 200 || first.status() == 401) {
      return new Answer(registry, challenge(first));
    }
    first.close();
    return new Answer(registry, challenge(ping(retrying, registry)));
  }

  private static Response ping(Transport transport, RegistryEndpoint registry) throws IOException {
    Request request = Request.get(registry.resolve("/v2/"));
    try {
      return transport.send(request);
    } catch (TransportException e) {
      throw e.whileDoing("pinging the registry");
    } catch (IOException e) {
      throw new IOException("pinging " + request + ": " + e.getMessage(), e);
    }
  }

  /** The answer of one ping of {@code registry}, or empty when none came. */
  private static Optional<Response> attempt(Transport once, RegistryEndpoint registry) {
    Request request = Request.get(registry.resolve("/v2/"));
    try {
      return Optional.of(once.send(request));
    } catch (IOException noAnswer) {
      LOG.debug("{} got no answer ({})", request, noAnswer.toString());
      return Optional.empty();
    }
  }

  /** The challenge of {@code response}, preferring bearer over basic; closes the response. */
  private static Optional<Challenge> challenge(Response response) throws IOException {
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
          response.request()
              + ": the registry answered 401 without a Bearer or Basic challenge (got "
              + response.headers().all("WWW-Authenticate")
              + ")");
    }
    return chosen;
  }
}
