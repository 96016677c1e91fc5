package dev.containerregistry.v1.remote.transport;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A registry's answer: status, header fields and a streamed body that the caller must close
 * (closing the response closes the body and returns the connection to the pool).
 */
public final class Response implements Closeable {

  /** Default cap on a manifest read into memory: 4 MiB. */
  public static final long MANIFEST_LIMIT = 4L * 1024 * 1024;

  /** Default cap on a token or error body read into memory: 64 KiB. */
  public static final long SMALL_BODY_LIMIT = 64L * 1024;

  private final Request request;
  private final int status;
  private final Headers headers;
  private final InputStream body;
  private final @Nullable Closeable onClose;

  private Response(
      Request request,
      int status,
      Headers headers,
      @Nullable InputStream body,
      @Nullable Closeable onClose) {
    this.request = Objects.requireNonNull(request, "request");
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body == null ? InputStream.nullInputStream() : body;
    this.onClose = onClose;
  }

  /**
   * A response to {@code request}. Closing it calls {@code onClose} when given (a transport's
   * handle that owns the body and the connection), else closes {@code body}.
   */
  public static Response of(
      Request request,
      int status,
      Headers headers,
      @Nullable InputStream body,
      @Nullable Closeable onClose) {
    return new Response(request, status, headers, body, onClose);
  }

  /** A response whose body is held in memory. */
  public static Response of(Request request, int status, Headers headers, byte[] body) {
    return new Response(request, status, headers, new ByteArrayInputStream(body), null);
  }

  /** The request this answers (after redirects, the last one sent). */
  public Request request() {
    return request;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** True for 2xx statuses. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The header fields. */
  public Headers headers() {
    return headers;
  }

  /** The first value of header {@code name}, if present. */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** The body as a stream; empty for {@code HEAD} and for statuses without content. */
  public InputStream body() {
    return body;
  }

  /**
   * Reads the whole body into memory, refusing bodies longer than {@code limit} bytes (by {@code
   * Content-Length} before reading, or as soon as the limit is passed).
   *
   * @throws IOException naming the request and the limit when the body is too long
   */
  public byte[] bytes(long limit) throws IOException {
    return BoundedReader.read(this, limit);
  }

  /** A copy of this response with another body stream, closed along with this response. */
  public Response withBody(InputStream newBody) {
    return new Response(request, status, headers, newBody, this);
  }

  @Override
  public void close() throws IOException {
    if (onClose != null) {
      onClose.close();
    } else {
      body.close();
    }
  }

  @Override
  public String toString() {
    return request + " -> " + status;
  }
}
