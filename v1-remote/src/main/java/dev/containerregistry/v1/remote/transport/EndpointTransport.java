package dev.containerregistry.v1.remote.transport;

import java.io.IOException;

/**
 * Sends the requests addressed to the registry as its name declares it ({@code http://} for a
 * loopback or private host) to the endpoint its ping reached ({@code https://} when the registry
 * answered over TLS). Requests to other origins pass unchanged.
 */
final class EndpointTransport implements Transport {

  private final Transport next;
  private final RegistryEndpoint declared;
  private final RegistryEndpoint reached;

  EndpointTransport(Transport next, RegistryEndpoint declared, RegistryEndpoint reached) {
    this.next = next;
    this.declared = declared;
    this.reached = reached;
  }

  /** {@code next} itself when the ping reached the registry where its name said. */
  static Transport of(Transport next, RegistryEndpoint declared, RegistryEndpoint reached) {
    return declared.equals(reached) ? next : new EndpointTransport(next, declared, reached);
  }

  @Override
  public Response send(Request request) throws IOException {
    if (!declared.owns(request.uri())) {
      return next.send(request);
    }
    String scheme = reached.base().getScheme();
    return next.send(request.withUri(RegistryEndpoint.sameAuthority(request.uri(), scheme)));
  }
}
