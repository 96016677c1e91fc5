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
 * name the server certificate also holds, and absolute {@code Location}s naming the real host are
 * given the alias back. No DNS is asked for the alias.
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
    Response response = http.send(request.withUri(real));
    String realOrigin = uri.getScheme() + "://" + realHost + port;
    String location = response.header("Location").orElse("");
    if (!location.startsWith(realOrigin)) {
      return response;
    }
    // An absolute upload location names the real host: name the alias again, so that the client
    // keeps treating it as the registry's own (and sends its credentials there).
    String aliased =
        uri.getScheme() + "://" + alias + port + location.substring(realOrigin.length());
    return Response.of(
        request,
        response.status(),
        response.headers().without("Location").with("Location", aliased),
        response.body(),
        response);
  }

  @Override
  public void close() throws IOException {
    if (http instanceof Closeable closeable) {
      closeable.close();
    }
  }
}
