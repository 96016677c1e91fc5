package dev.containerregistry.v1.remote.transport;

import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.util.Optional;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * Answers the HTTP client's question "which credentials for this scope" with a proxy's own
 * credentials when the scope is that proxy, and with nothing otherwise, so the client never answers
 * a registry's {@code 401} itself and registry credentials are never offered to a proxy.
 */
final class ProxyOnlyCredentials implements CredentialsProvider {

  private final ProxySelector proxies;

  ProxyOnlyCredentials(ProxySelector proxies) {
    this.proxies = proxies;
  }

  @Override
  public @Nullable Credentials getCredentials(AuthScope scope, @Nullable HttpContext context) {
    if (!(proxies instanceof ProxyCredentials known) || scope.getHost() == null) {
      return null;
    }
    Optional<PasswordAuthentication> found = known.credentials(scope.getHost(), scope.getPort());
    return found
        .map(p -> new UsernamePasswordCredentials(p.getUserName(), p.getPassword()))
        .orElse(null);
  }
}
