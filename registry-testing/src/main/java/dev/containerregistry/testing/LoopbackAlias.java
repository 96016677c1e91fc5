package dev.containerregistry.testing;

import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * The bottom transport of a TLS registry's options: requests to the registry's alias host (a name
 * that resolves nowhere, so that references to it use https) go to the real host instead, whose
 * name the server certificate also holds. No DNS is asked for the alias.
 */
final class LoopbackAlias implements Transport, Closeable {
  private final String alias;
  private final String realHost;
  private final Transport http;

  LoopbackAlias(String alias, String realHost, Transport http) {
    this.alias = alias.toLowerCase(Locale.ROOT);
    this.realHost = realHost;
    this.http = http;
  }

  @Override
  public Response send(Request request) throws IOException {
    URI uri = request.uri();
    if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(alias)) {
      return http.send(request);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    URI real = URI.create(uri.getScheme() + "://" + realHost + port + path + query);
    return http.send(request.withUri(real));
  }

  @Override
  public void close() throws IOException {
    if (http instanceof Closeable closeable) {
      closeable.close();
    }
  }
}
