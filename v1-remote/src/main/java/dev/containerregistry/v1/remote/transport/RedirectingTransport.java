package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Follows redirects (301, 302, 303, 307, 308) up to a limit. A redirect to another origin (scheme,
 * host or port) drops the {@code Authorization} and {@code Cookie} headers, so that credentials
 * meant for the registry never reach a storage backend or any other host; a redirect from https to
 * plain http is refused.
 */
final class RedirectingTransport implements Transport {

  static final int MAX_REDIRECTS = 10;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("Authorization", "Cookie");

  private final Transport next;

  RedirectingTransport(Transport next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public Response send(Request request) throws IOException {
    Request current = request;
    for (int hops = 0; ; hops++) {
      Response response = next.send(current);
      Optional<String> location = response.header("Location");
      if (!REDIRECTS.contains(response.status()) || location.isEmpty()) {
        return response;
      }
      response.close();
      if (hops == MAX_REDIRECTS) {
        throw new ProtocolException(
            request + ": more than " + MAX_REDIRECTS + " redirects (last to " + current + ")");
      }
      current = follow(request, current, response.status(), location.get());
    }
  }

  private static Request follow(Request original, Request current, int status, String location)
      throws IOException {
    URI target = Locations.resolve(current, location);
    if ("https".equalsIgnoreCase(current.uri().getScheme())
        && "http".equalsIgnoreCase(target.getScheme())) {
      throw new ProtocolException(
          original
              + ": refusing a redirect from https to plain http ("
              + Redaction.redact(target)
              + ")");
    }
    Request next = current.withUri(target);
    if (!Locations.sameOrigin(original.uri(), target)) {
      for (String header : CREDENTIAL_HEADERS) {
        next = next.withoutHeader(header);
      }
    }
    if (status == 303 || ((status == 301 || status == 302) && "POST".equals(current.method()))) {
      return next.withMethod("GET", null);
    }
    if (!current.replayable()) {
      throw new ProtocolException(
          original
              + ": the registry redirected a streamed upload ("
              + status
              + "), which cannot be resent");
    }
    return next;
  }
}
