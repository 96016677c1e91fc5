package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Resolves a {@code Location} header against the URL of the request that received it, as RFC 9110
 * says, and refuses values that are not usable http(s) URLs.
 */
public final class Locations {

  private Locations() {}

  /**
   * The absolute URL {@code location} names, relative to {@code request}'s URL.
   *
   * @throws IOException quoting the value when it is not a URI or does not lead to an http(s) host
   */
  public static URI resolve(Request request, String location) throws IOException {
    URI resolved;
    try {
      resolved = request.uri().resolve(new URI(location.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      ProtocolException bad =
          new ProtocolException(request + ": the registry sent a malformed Location '" + location + "'");
      bad.initCause(e);
      throw bad;
    }
    String scheme = resolved.getScheme();
    if (resolved.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new ProtocolException(
          request + ": the registry sent a Location that is not an http(s) URL: '" + location + "'");
    }
    return resolved;
  }
}
