package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The same proxy (or none) for every request. */
final class FixedProxy extends ProxySelector implements ProxyCredentials {

  private final Proxy proxy;
  private final @Nullable ProxyAddress address;

  FixedProxy(Proxy proxy, @Nullable ProxyAddress address) {
    this.proxy = proxy;
    this.address = address;
  }

  @Override
  public List<Proxy> select(URI uri) {
    return List.of(proxy);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress failed, IOException e) {}

  @Override
  public Optional<PasswordAuthentication> credentials(String host, int port) {
    ProxyAddress known = address;
    return known != null && known.is(host, port) ? known.credentials() : Optional.empty();
  }
}
