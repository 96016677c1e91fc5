package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.remote.transport.Locations;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.RequestBody;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import dev.containerregistry.v1.remote.transport.TransportListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UploadMode#CHUNKED}: {@code PATCH} requests with {@code Content-Range}, one chunk in
 * memory at a time. When a chunk fails for a reason the {@link RetryPolicy} retries (a dropped or
 * stalled connection, a 5xx) or with a token that expired, the registry is asked how much it holds
 * ({@code GET} the upload location, {@code Range} header) and the chunk is resent from there, so a
 * stream layer survives a failure mid-upload.
 */
final class ChunkedSender implements DataSender {

  private static final Logger LOG = LoggerFactory.getLogger(ChunkedSender.class);

  /** The largest chunk held in memory, whatever the registry's {@code OCI-Chunk-Min-Length}. */
  static final long MAX_CHUNK = 64L * 1024 * 1024;

  private final Transport transport;
  private final int chunkSize;
  private final RetryPolicy retry;

  ChunkedSender(Transport transport, int chunkSize, RetryPolicy retry) {
    this.transport = transport;
    this.chunkSize = chunkSize;
    this.retry = retry;
  }

  @Override
  public URI send(
      UploadSession.Opened session, InputStream data, ProgressTracker.BlobProgress progress)
      throws IOException {
    if (session.minChunk() > MAX_CHUNK) {
      throw new ProtocolException(
          "the registry asks for chunks of at least "
              + session.minChunk()
              + " bytes (OCI-Chunk-Min-Length), more than the "
              + MAX_CHUNK
              + " bytes this client holds in memory per upload; use UploadMode.STREAMING");
    }
    int size = (int) Math.max(chunkSize, session.minChunk());
    byte[] chunk = new byte[size];
    URI location = session.location();
    long offset = 0;
    try (data) {
      for (int n; (n = data.readNBytes(chunk, 0, size)) > 0; ) {
        location = sendChunk(location, chunk, n, offset, progress);
        offset += n;
        progress.reached(offset);
        if (n < size) {
          break;
        }
      }
    }
    return location;
  }

  /** Sends {@code chunk[0..n)} as bytes {@code start..start+n-1}, resuming after failures. */
  private URI sendChunk(
      URI location, byte[] chunk, int n, long start, ProgressTracker.BlobProgress progress)
      throws IOException {
    long end = start + n;
    long held = start;
    @Nullable TransportException last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      try {
        Response response = transport.send(patch(location, chunk, held - start, end - held, held));
        if (response.status() == 202 || response.status() == 204) {
          return next(response, location);
        }
        throw TransportException.of(response);
      } catch (TransportException failure) {
        if (!resumable(failure)) {
          throw failure;
        }
        last = failure;
      }
      if (attempt == retry.maxAttempts()) {
        break;
      }
      Duration wait = retry.delay(attempt, last);
      LOG.debug(
          "chunk {}-{} failed on attempt {} ({}); asking the registry for its offset in {}",
          held,
          end - 1,
          attempt,
          last,
          wait);
      progress.retrying(attempt, wait, TransportListener.reason(last));
      pause(wait);
      UploadStatus status = UploadStatus.query(transport, location);
      if (status.offset() < start || status.offset() > end) {
        throw new ProtocolException(
            "the registry holds "
                + status.offset()
                + " bytes of the upload, outside the chunk being resent ("
                + start
                + "-"
                + (end - 1)
                + ")");
      }
      location = status.location();
      held = status.offset();
      if (held == end) {
        return location;
      }
    }
    throw Objects.requireNonNull(last, "an attempt failed")
        .whileDoing(
            "sending bytes "
                + held
                + "-"
                + (end - 1)
                + " failed "
                + retry.maxAttempts()
                + " times");
  }

  private static Request patch(URI location, byte[] chunk, long from, long length, long offset) {
    RequestBody body =
        RequestBody.ofStream(
            new ByteArrayInputStream(chunk, (int) from, (int) length),
            length,
            "application/octet-stream");
    return Request.of("PATCH", location)
        .withHeader("Content-Range", offset + "-" + (offset + length - 1))
        .withBody(body);
  }

  private static URI next(Response response, URI location) throws IOException {
    try (response) {
      String value = response.header("Location").orElse(null);
      return value == null ? location : Locations.resolve(response.request(), value);
    }
  }

  /**
   * What the retry policy retries (a dropped or stalled connection, a 5xx, throttling), and a
   * {@code 401} (the token expired; the transport has fetched a fresh one): the data may be partly
   * stored; ask and resume.
   */
  private boolean resumable(TransportException failure) {
    return retry.retries(failure) || (failure.status() == 401 && !failure.attemptsSpent());
  }

  @Override
  public boolean resumes() {
    return true;
  }

  private static void pause(Duration wait) throws InterruptedIOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to resume an upload");
    }
  }
}
