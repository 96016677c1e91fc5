package dev.containerregistry.v1.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a paginated list ({@code /tags/list}, {@code /_catalog}) to its end: each page is a JSON
 * object with an array of strings, the next page is named by the {@code Link} header. Pages are
 * size-capped, at most {@value #MAX_PAGES} pages and {@value #MAX_ENTRIES} names are read, and a
 * registry that links back to a page already read is refused.
 */
final class Pages {

  /** The largest page read into memory. */
  static final long PAGE_LIMIT = 4L * 1024 * 1024;

  /** The most pages read; a registry that keeps linking further is refused. */
  static final int MAX_PAGES = 1000;

  /** The most names collected over all pages. */
  static final int MAX_ENTRIES = 1_000_000;

  private Pages() {}

  /**
   * @param transport authenticated for the listing
   * @param first the first page
   * @param field the array to collect, {@code "tags"} or {@code "repositories"}
   * @param what what is listed, for messages, such as {@code "tags of host/repo"}
   */
  static List<String> collect(Transport transport, URI first, String field, String what)
      throws IOException {
    List<String> all = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    Optional<URI> next = Optional.of(first);
    while (next.isPresent()) {
      URI page = next.get();
      if (seen.size() == MAX_PAGES) {
        throw new IOException(
            "listing " + what + ": the registry links past " + MAX_PAGES + " pages; stopped there");
      }
      if (!seen.add(page)) {
        throw new IOException(
            "listing " + what + ": the registry links back to a page already read");
      }
      try (Response response =
          TransportException.check(
              transport.send(Request.get(page).withHeader("Accept", "application/json")))) {
        all.addAll(strings(response.bytes(PAGE_LIMIT), field, what));
        if (all.size() > MAX_ENTRIES) {
          throw new IOException(
              "listing " + what + ": more than " + MAX_ENTRIES + " entries; stopped there");
        }
        next = LinkHeader.next(response.request().uri(), response.headers().all("Link"));
      }
    }
    return List.copyOf(all);
  }

  private static List<String> strings(byte[] body, String field, String what) throws IOException {
    JsonNode page;
    try {
      page = ManifestMediaType.JSON.readTree(body);
    } catch (IOException e) {
      throw new IOException(
          "listing " + what + ": the registry sent a page that is not JSON: " + e.getMessage(), e);
    }
    JsonNode values = page == null ? null : page.get(field);
    if (values == null || values.isNull()) {
      return List.of();
    }
    if (!values.isArray()) {
      throw new IOException(
          "listing " + what + ": field \"" + field + "\" is not an array: " + values);
    }
    List<String> out = new ArrayList<>(values.size());
    for (JsonNode value : values) {
      if (!value.isTextual()) {
        throw new IOException(
            "listing " + what + ": field \"" + field + "\" holds a non-string: " + value);
      }
      out.add(value.asText());
    }
    return out;
  }
}
