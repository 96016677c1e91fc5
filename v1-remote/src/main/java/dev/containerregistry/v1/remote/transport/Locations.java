package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Resolves a {@code Location} header against the URL of the request that received it, as RFC 9110
 * says, and refuses values that are not usable http(s) URLs; tells whether two URLs share an
 * origin.
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
          new ProtocolException(
              request
                  + ": the registry sent a malformed Location '"
                  + Redaction.redact(location)
                  + "'");
      bad.initCause(e);
      throw bad;
    }
    String scheme = resolved.getScheme();
    if (resolved.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new ProtocolException(
          request
              + ": the registry sent a Location that is not an http(s) URL: '"
              + Redaction.redact(location)
              + "'");
    }
    return resolved;
  }

  /**
   * True when {@code a} and {@code b} have the same scheme, host and port (a missing port counts as
   * the scheme's default): the test for whether credentials meant for one may go to the other.
   */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getHost() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  /**
   * {@code url} (as a server sent it, perhaps malformed) fit for a message or a log: no query (a
   * pre-signed storage URL carries its signature there), no fragment, no user info.
   */
  public static String redacted(String url) {
    return Redaction.redact(url);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
