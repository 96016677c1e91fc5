package dev.containerregistry.v1.remote.transport;

import java.net.URI;

/** Turns URIs into text that is safe for messages and logs: no user info, no query values. */
final class Redaction {

  private Redaction() {}

  /** {@code scheme://host[:port]/path}, plus {@code ?…} when a query was dropped. */
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
}
