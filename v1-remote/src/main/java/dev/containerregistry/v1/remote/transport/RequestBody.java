package dev.containerregistry.v1.remote.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The content of a request: bytes in memory, which can be sent again after a failure, or a one-shot
 * stream, which can be sent once and is never resent from the start.
 */
public final class RequestBody {

  /** Length of a stream whose size is unknown; it is sent with chunked transfer encoding. */
  public static final long UNKNOWN_LENGTH = -1;

  private final byte @Nullable [] bytes;
  private final @Nullable InputStream stream;
  private final long length;
  private final String contentType;
  private final AtomicBoolean opened = new AtomicBoolean();

  private RequestBody(
      byte @Nullable [] bytes, @Nullable InputStream stream, long length, String contentType) {
    this.bytes = bytes;
    this.stream = stream;
    this.length = length;
    this.contentType = Objects.requireNonNull(contentType, "content type");
  }

  /** A replayable body holding {@code bytes} (not copied: do not change them afterwards). */
  public static RequestBody of(byte[] bytes, String contentType) {
    return new RequestBody(Objects.requireNonNull(bytes, "bytes"), null, bytes.length, contentType);
  }

  /**
   * A one-shot body read from {@code stream}, of {@code length} bytes or {@link #UNKNOWN_LENGTH}.
   * The transport closes the stream after sending it.
   */
  public static RequestBody ofStream(InputStream stream, long length, String contentType) {
    if (length < UNKNOWN_LENGTH) {
      throw new IllegalArgumentException("a body length is -1 (unknown) or >= 0, got " + length);
    }
    return new RequestBody(null, Objects.requireNonNull(stream, "stream"), length, contentType);
  }

  /** True when the body can be sent again, for a retry or a redirect. */
  public boolean replayable() {
    return bytes != null;
  }

  /** The number of bytes, or {@link #UNKNOWN_LENGTH}. */
  public long length() {
    return length;
  }

  /** The {@code Content-Type} sent with the body. */
  public String contentType() {
    return contentType;
  }

  /** The bytes of a replayable body, not copied; {@code null} for a stream. */
  byte @Nullable [] bytes() {
    return bytes;
  }

  /**
   * The content to send. Bytes may be opened any number of times; a stream only once.
   *
   * @throws IOException when a one-shot stream is opened a second time
   */
  public InputStream open() throws IOException {
    if (bytes != null) {
      return new ByteArrayInputStream(bytes);
    }
    if (opened.getAndSet(true)) {
      throw new IOException("a streamed request body cannot be sent twice");
    }
    return Objects.requireNonNull(stream, "a body is bytes or a stream");
  }
}
