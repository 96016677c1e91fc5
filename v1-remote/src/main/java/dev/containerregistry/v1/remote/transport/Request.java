package dev.containerregistry.v1.remote.transport;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request to a registry or a token server: method, absolute URI, header fields and an
 * optional body. Immutable; the {@code with...} methods return changed copies.
 */
public final class Request {

  private final String method;
  private final URI uri;
  private final Headers headers;
  private final @Nullable RequestBody body;
  private final boolean publicAddressesOnly;

  private Request(
      String method,
      URI uri,
      Headers headers,
      @Nullable RequestBody body,
      boolean publicAddressesOnly) {
    this.method = Objects.requireNonNull(method, "method");
    this.uri = Objects.requireNonNull(uri, "uri");
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("a request needs an absolute http(s) URI, got " + uri);
    }
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body;
    this.publicAddressesOnly = publicAddressesOnly;
  }

  /** A request with no headers and no body. */
  public static Request of(String method, URI uri) {
    return new Request(method, uri, Headers.empty(), null, false);
  }

  /** A {@code GET} of {@code uri}. */
  public static Request get(URI uri) {
    return of("GET", uri);
  }

  /** A {@code HEAD} of {@code uri}. */
  public static Request head(URI uri) {
    return of("HEAD", uri);
  }

  /** The HTTP method, such as {@code GET} or {@code PATCH}. */
  public String method() {
    return method;
  }

  /** The absolute target URI. */
  public URI uri() {
    return uri;
  }

  /** The header fields. */
  public Headers headers() {
    return headers;
  }

  /** The body, if the request has one. */
  public Optional<RequestBody> body() {
    return Optional.ofNullable(body);
  }

  /** True when this request can be sent again: it has no body or a replayable one. */
  public boolean replayable() {
    return body == null || body.replayable();
  }

  /** A copy with {@code name} set to {@code value}. */
  public Request withHeader(String name, String value) {
    return new Request(method, uri, headers.with(name, value), body, publicAddressesOnly);
  }

  /** A copy without the header {@code name}. */
  public Request withoutHeader(String name) {
    return new Request(method, uri, headers.without(name), body, publicAddressesOnly);
  }

  /** A copy sent to {@code target} instead. */
  public Request withUri(URI target) {
    return new Request(method, target, headers, body, publicAddressesOnly);
  }

  /** A copy with another method and body ({@code null} for none). */
  public Request withMethod(String newMethod, @Nullable RequestBody newBody) {
    return new Request(newMethod, uri, headers, newBody, publicAddressesOnly);
  }

  /** A copy carrying {@code newBody}. */
  public Request withBody(RequestBody newBody) {
    return new Request(method, uri, headers, newBody, publicAddressesOnly);
  }

  /**
   * A copy that the HTTP client sends only over a connection to a public address: the address it
   * actually connects to is checked, so a host name that resolves differently the second time (DNS
   * rebinding) cannot lead it to a loopback or private address. Token requests to a realm off the
   * registry's host carry this mark.
   */
  public Request connectingToPublicAddressesOnly() {
    return new Request(method, uri, headers, body, true);
  }

  /** True when {@link #connectingToPublicAddressesOnly()} marked this request. */
  public boolean publicAddressesOnly() {
    return publicAddressesOnly;
  }

  /** The method and the URI without its query (which may hold upload state); no header values. */
  @Override
  public String toString() {
    return method + " " + Redaction.redact(uri);
  }
}
