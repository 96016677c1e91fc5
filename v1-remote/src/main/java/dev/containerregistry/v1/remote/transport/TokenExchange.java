package dev.containerregistry.v1.remote.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Obtains a bearer token from the realm of a {@code Bearer} challenge (the Docker token protocol):
 * a {@code GET} with basic credentials, or a {@code POST} of an OAuth2 refresh token when the
 * credentials hold an identity token. A registry token in the credentials is used as is. The
 * credentials come from the registry's {@link RegistryState}; when the token server refuses them
 * with {@code 401}, they are asked of the authenticator once more and the exchange is tried again
 * if they changed.
 */
final class TokenExchange {

  static final String CLIENT_ID = "containerregistry-java";

  private final Transport transport;
  private final RegistryEndpoint registry;
  private final Challenge challenge;
  private final Authenticator authenticator;
  private final RegistryState state;
  private final Clock clock;
  private final Set<String> allowedRealmHosts;

  TokenExchange(
      Transport transport,
      RegistryEndpoint registry,
      Challenge challenge,
      Authenticator authenticator,
      RegistryState state,
      Clock clock,
      Set<String> allowedRealmHosts) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.challenge = Objects.requireNonNull(challenge, "challenge");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.allowedRealmHosts = Set.copyOf(allowedRealmHosts);
  }

  /** The clock that token lifetimes are measured with. */
  Clock clock() {
    return clock;
  }

  /**
   * A token for {@code scopes}.
   *
   * @throws TransportException of step {@link TransportException.Step#TOKEN}, its retries spent
   */
  BearerToken fetch(Collection<String> scopes) throws IOException {
    try {
      return fetchWithRenewal(scopes);
    } catch (TransportException e) {
      throw e.fetchingToken(registry.base().getAuthority());
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      throw TransportException.failed(
          String.valueOf(e.getMessage()),
          TransportException.Step.TOKEN,
          registry.base().getAuthority(),
          "",
          e);
    }
  }

  private BearerToken fetchWithRenewal(Collection<String> scopes) throws IOException {
    AuthConfig auth = state.credentials(authenticator, registry);
    try {
      return fetch(auth, scopes);
    } catch (TransportException e) {
      if (e.status() != 401 || auth.isAnonymous()) {
        throw e;
      }
      state.forgetCredentials(auth);
      AuthConfig renewed = state.credentials(authenticator, registry);
      if (renewed.equals(auth)) {
        throw e;
      }
      return fetch(renewed, scopes);
    }
  }

  private BearerToken fetch(AuthConfig auth, Collection<String> scopes) throws IOException {
    if (!auth.registryToken().isEmpty()) {
      CredentialPolicy.checkPlainHttp(
          registry.base(), registry.insecure(), "the registry " + registry.base().getHost());
      return BearerToken.permanent(auth.registryToken());
    }
    URI realm = realm();
    boolean onRegistryHost = CredentialPolicy.checkRealm(realm, registry.base());
    if (!auth.isAnonymous()) {
      CredentialPolicy.checkRealmTrust(realm, registry.base(), allowedRealmHosts);
      CredentialPolicy.checkPlainHttp(
          realm, registry.insecure(), "the token realm " + realm.getHost());
      CredentialPolicy.checkPlainHttp(
          registry.base(), registry.insecure(), "the registry " + registry.base().getHost());
    }
    boolean oauth = !auth.identityToken().isEmpty();
    Response response =
        send(oauth ? post(realm, auth, scopes) : get(realm, auth, scopes), onRegistryHost);
    if (oauth && (response.status() == 404 || response.status() == 405)) {
      // A token server without the OAuth2 POST endpoint: ask it with a GET instead.
      response.close();
      response = send(get(realm, auth, scopes), onRegistryHost);
    }
    return token(response, realm, scopes);
  }

  private URI realm() throws IOException {
    String value =
        challenge
            .param("realm")
            .orElseThrow(
                () ->
                    new ProtocolException(
                        "the Bearer challenge of "
                            + registry.base().getHost()
                            + " names no realm"));
    URI realm;
    try {
      realm = registry.base().resolve(value);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(
          "the Bearer challenge of "
              + registry.base().getHost()
              + " has a malformed realm '"
              + Redaction.redact(value)
              + "'");
    }
    return realm;
  }

  /**
   * Sends a token request. Off the registry's host, the connection must reach a public address
   * (checked on the address connected to, so a rebinding name cannot lead it inward); a redirect is
   * never followed.
   */
  private Response send(Request request, boolean onRegistryHost) throws IOException {
    Response response =
        transport.send(onRegistryHost ? request : request.connectingToPublicAddressesOnly());
    if (response.status() >= 300 && response.status() < 400) {
      String target = response.header("Location").map(Redaction::redact).orElse("nowhere");
      response.close();
      throw new RefusedException(
          request
              + ": the token realm answered "
              + response.status()
              + " (a redirect to "
              + target
              + "); token requests follow no redirect");
    }
    return response;
  }

  private Request get(URI realm, AuthConfig auth, Collection<String> scopes) {
    List<String> query = new ArrayList<>();
    challenge.param("service").ifPresent(s -> query.add("service=" + encode(s)));
    scopes.forEach(s -> query.add("scope=" + encode(s)));
    Request request = Request.get(withQuery(realm, String.join("&", query)));
    if (!auth.username().isEmpty() || !auth.password().isEmpty()) {
      request = request.withHeader("Authorization", Credentials.basic(auth));
    }
    return request;
  }

  private Request post(URI realm, AuthConfig auth, Collection<String> scopes) {
    List<String> form = new ArrayList<>();
    form.add("grant_type=refresh_token");
    form.add("refresh_token=" + encode(auth.identityToken()));
    form.add("client_id=" + CLIENT_ID);
    challenge.param("service").ifPresent(s -> form.add("service=" + encode(s)));
    if (!scopes.isEmpty()) {
      form.add("scope=" + encode(String.join(" ", scopes)));
    }
    byte[] body = String.join("&", form).getBytes(StandardCharsets.UTF_8);
    return Request.of("POST", realm)
        .withBody(RequestBody.of(body, "application/x-www-form-urlencoded"));
  }

  private BearerToken token(Response response, URI realm, Collection<String> scopes)
      throws IOException {
    try {
      TransportException.check(response);
    } catch (TransportException e) {
      throw e.whileDoing(doing(realm, scopes));
    }
    JsonNode json;
    try (response) {
      json = ErrorBodyParser.JSON.readTree(response.bytes(Response.SMALL_BODY_LIMIT));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new ProtocolException(doing(realm, scopes) + ": the answer is not JSON");
    }
    String token =
        json == null ? "" : json.path("token").asText(json.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw new ProtocolException(doing(realm, scopes) + ": the answer holds no token");
    }
    long seconds = json.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : BearerToken.DEFAULT_LIFETIME;
    return BearerToken.issued(token, clock.instant(), lifetime);
  }

  /** What a failure message says was being done: which registry, which scopes, which realm. */
  private String doing(URI realm, Collection<String> scopes) {
    return "fetching a token for "
        + registry.base().getAuthority()
        + " "
        + scopes
        + " from "
        + Redaction.redact(realm);
  }

  private static URI withQuery(URI uri, String query) {
    if (query.isEmpty()) {
      return uri;
    }
    String separator = uri.getRawQuery() == null ? "?" : "&";
    return URI.create(uri.toString() + separator + query);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
