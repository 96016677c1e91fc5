package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.util.Objects;

/** Presents basic credentials to the registry (and to no other host) on every request. */
final class BasicTransport implements Transport {

  private final Transport next;
  private final RegistryEndpoint registry;
  private final Authenticator authenticator;

  BasicTransport(Transport next, RegistryEndpoint registry, Authenticator authenticator) {
    this.next = Objects.requireNonNull(next, "next");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  @Override
  public Response send(Request request) throws IOException {
    AuthConfig auth = Credentials.read(authenticator, registry);
    if (!registry.owns(request.uri()) || auth.isAnonymous()) {
      return next.send(request);
    }
    CredentialPolicy.checkPlainHttp(
        registry.base(), registry.insecure(), "the registry " + registry.base().getHost());
    String value =
        auth.registryToken().isEmpty() ? Credentials.basic(auth) : "Bearer " + auth.registryToken();
    return next.send(request.withHeader("Authorization", value));
  }
}
