package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The name resolution the HTTP client connects with. While the current thread sends a request
 * marked {@link Request#connectingToPublicAddressesOnly()}, an answer holding a loopback, private
 * or link-local address is refused, so the check applies to the very addresses connected to (a name
 * that resolved to a public address a moment earlier cannot rebind inward).
 */
final class PublicAddressGuard implements DnsResolver {

  private static final ThreadLocal<Boolean> REQUIRED = ThreadLocal.withInitial(() -> false);

  private final DnsResolver delegate;

  PublicAddressGuard(DnsResolver delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Runs {@code send} with the check on when {@code required}. */
  static <T> T around(boolean required, IoAction<T> send) throws IOException {
    REQUIRED.set(required);
    try {
      return send.run();
    } finally {
      REQUIRED.remove();
    }
  }

  /** What {@link #around} runs. */
  @FunctionalInterface
  interface IoAction<T> {
    T run() throws IOException;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = delegate.resolve(host);
    if (REQUIRED.get()) {
      for (InetAddress address : addresses) {
        if (CredentialPolicy.isInternal(address)) {
          throw new UnknownHostException(
              "refusing to connect to "
                  + host
                  + " for a token: it resolves to the internal address "
                  + address.getHostAddress());
        }
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return delegate.resolveCanonicalHostname(host);
  }
}
