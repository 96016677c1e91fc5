package dev.containerregistry.v1.remote.transport;

import java.net.PasswordAuthentication;
import java.util.Optional;

/** A proxy selector that also knows the credentials of the proxies it picks. */
interface ProxyCredentials {

  /** The credentials for the proxy at {@code host}:{@code port}, if this selector has them. */
  Optional<PasswordAuthentication> credentials(String host, int port);
}
