package dev.containerregistry.v1.remote.transport;

import java.net.URI;
import java.net.URISyntaxException;

/** Turns URIs into text that is safe for messages and logs: no user info, no query values. */
final class Redaction {

  private Redaction() {}

  /** {@code scheme://host[:port]/path}, plus {@code ?…} when a query was dropped; no fragment. */
  static String redact(URI uri) {
    StringBuilder text = new StringBuilder();
    if (uri.getScheme() != null) {
      text.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      text.append(uri.getHost());
      if (uri.getPort() >= 0) {
        text.append(':').append(uri.getPort());
      }
    }
    if (uri.getRawPath() != null) {
      text.append(uri.getRawPath());
    }
    if (uri.getRawQuery() != null) {
      text.append("?…");
    }
    return text.toString();
  }

  /**
   * {@code value} (a URL as a server sent it, perhaps malformed) without its query or fragment: the
   * parsed form when it parses, else the text up to the first {@code ?} or {@code #}.
   */
  static String redact(String value) {
    try {
      URI uri = new URI(value.strip());
      if (uri.getHost() != null) {
        return redact(uri);
      }
    } catch (URISyntaxException malformed) {
      // Cut by hand below.
    }
    int cut = value.length();
    for (char c : new char[] {'?', '#'}) {
      int at = value.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return cut == value.length() ? value : value.substring(0, cut) + "?…";
  }
}
