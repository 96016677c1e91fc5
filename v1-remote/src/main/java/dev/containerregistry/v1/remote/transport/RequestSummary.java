package dev.containerregistry.v1.remote.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * What a listener is told about one HTTP request: its method and where it went, without anything
 * secret. The URI keeps scheme, host, port and path; user info, query (upload state, signed storage
 * URLs) and fragment are dropped, and no header or body is exposed.
 *
 * @param method the HTTP method, such as {@code PATCH}
 * @param uri the target without user info, query or fragment
 */
public record RequestSummary(String method, URI uri) {

  /** Requires both parts. */
  public RequestSummary {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
  }

  /** The summary of {@code request}. */
  public static RequestSummary of(Request request) {
    URI uri = request.uri();
    try {
      return new RequestSummary(
          request.method(),
          new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("a request URI that cannot be rebuilt: " + request, e);
    }
  }

  /** The method and the URI, as {@code GET https://host/v2/}. */
  @Override
  public String toString() {
    return method + " " + uri;
  }
}
