package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.util.Objects;

/**
 * Presents basic credentials to the registry (and to no other host) on every request. The
 * credentials are asked of the authenticator once per {@link RegistryState}; when the registry
 * answers {@code 401} to them, they are asked again and the request is sent once more if they
 * changed and its body allows.
 */
final class BasicTransport implements Transport {

  private final Transport next;
  private final RegistryEndpoint registry;
  private final Authenticator authenticator;
  private final RegistryState state;

  BasicTransport(
      Transport next, RegistryEndpoint registry, Authenticator authenticator, RegistryState state) {
    this.next = Objects.requireNonNull(next, "next");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.state = Objects.requireNonNull(state, "state");
  }

  @Override
  public Response send(Request request) throws IOException {
    if (!registry.owns(request.uri())) {
      return next.send(request);
    }
    AuthConfig auth = state.credentials(authenticator, registry);
    Response response = send(request, auth);
    if (response.status() != 401 || auth.isAnonymous() || !request.replayable()) {
      return response;
    }
    state.forgetCredentials(auth);
    AuthConfig renewed = state.credentials(authenticator, registry);
    if (renewed.equals(auth)) {
      return response;
    }
    response.close();
    return send(request, renewed);
  }

  private Response send(Request request, AuthConfig auth) throws IOException {
    if (auth.isAnonymous()) {
      return next.send(request);
    }
    CredentialPolicy.checkPlainHttp(
        registry.base(), registry.insecure(), "the registry " + registry.base().getHost());
    String value =
        auth.registryToken().isEmpty() ? Credentials.basic(auth) : "Bearer " + auth.registryToken();
    return next.send(request.withHeader("Authorization", value));
  }
}
