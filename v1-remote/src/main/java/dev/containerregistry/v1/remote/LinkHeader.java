package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.remote.transport.Locations;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the {@code rel="next"} target of a paginated answer ({@code /tags/list}, {@code /_catalog})
 * in its {@code Link} header fields (RFC 8288), resolved against the URL that was requested. The
 * next page must be on the same scheme, host and port: a registry cannot send the client, and its
 * credentials, elsewhere.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec: listing tags</a>
 */
final class LinkHeader {

  private LinkHeader() {}

  /**
   * The next page, or empty when no link says {@code rel="next"}.
   *
   * @param requested the URL of the page that carried {@code values}
   * @param values every value of the {@code Link} header field, in order
   * @throws IOException quoting the target (without its query) when it is malformed or points at
   *     another host
   */
  static Optional<URI> next(URI requested, List<String> values) throws IOException {
    for (String value : values) {
      for (String link : splitLinks(value)) {
        Optional<String> target = nextTarget(link);
        if (target.isPresent()) {
          return Optional.of(sameOrigin(requested, resolve(requested, target.get())));
        }
      }
    }
    return Optional.empty();
  }

  /** Splits one field value at the commas that are outside {@code <...>} and quotes. */
  private static List<String> splitLinks(String value) {
    List<String> links = new ArrayList<>();
    boolean inUri = false;
    boolean inQuotes = false;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '<' && !inQuotes) {
        inUri = true;
      } else if (c == '>' && !inQuotes) {
        inUri = false;
      } else if (c == '"' && !inUri) {
        inQuotes = !inQuotes;
      } else if (c == ',' && !inUri && !inQuotes) {
        links.add(value.substring(start, i));
        start = i + 1;
      }
    }
    links.add(value.substring(start));
    return links;
  }

  /** The target of {@code link} when one of its {@code rel} values is {@code next}. */
  private static Optional<String> nextTarget(String link) {
    String trimmed = link.strip();
    int open = trimmed.indexOf('<');
    int close = trimmed.indexOf('>', open + 1);
    if (open != 0 || close < 0) {
      return Optional.empty();
    }
    for (String param : trimmed.substring(close + 1).split(";", -1)) {
      int eq = param.indexOf('=');
      if (eq < 0 || !param.substring(0, eq).strip().equalsIgnoreCase("rel")) {
        continue;
      }
      String rel = unquote(param.substring(eq + 1).strip()).toLowerCase(Locale.ROOT);
      if (List.of(rel.split("\\s+")).contains("next")) {
        return Optional.of(trimmed.substring(open + 1, close).strip());
      }
    }
    return Optional.empty();
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static URI resolve(URI requested, String target) throws IOException {
    try {
      return requested.resolve(new URI(target));
    } catch (URISyntaxException e) {
      throw new IOException(
          "reading the next page after "
              + withoutQuery(requested)
              + ": malformed Link target \""
              + Locations.redacted(target)
              + "\"",
          e);
    }
  }

  private static URI sameOrigin(URI requested, URI next) throws IOException {
    if (!Locations.sameOrigin(requested, next)) {
      throw new IOException(
          "reading the next page after "
              + withoutQuery(requested)
              + ": refusing a Link header that points at another host: \""
              + Locations.redacted(next.toString())
              + "\"");
    }
    return next;
  }

  private static String withoutQuery(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
  }
}
