package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.remote.transport.Locations;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.RequestBody;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * {@link UploadMode#STREAMING}: the whole blob in one {@code PATCH} with chunked transfer encoding,
 * read from the layer as the connection takes it. Nothing is buffered, and the body is never
 * resent.
 */
final class StreamingSender implements DataSender {

  private final Transport transport;

  StreamingSender(Transport transport) {
    this.transport = transport;
  }

  @Override
  public URI send(
      UploadSession.Opened session, InputStream data, ProgressTracker.BlobProgress progress)
      throws IOException {
    RequestBody body =
        RequestBody.ofStream(
            new Counting(data, progress), RequestBody.UNKNOWN_LENGTH, "application/octet-stream");
    Response response =
        TransportException.check(
            transport.send(Request.of("PATCH", session.location()).withBody(body)), 202, 204);
    try (response) {
      String next = response.header("Location").orElse(null);
      return next == null ? session.location() : Locations.resolve(response.request(), next);
    }
  }

  /** Reports the offset read so far to the blob's progress. */
  private static final class Counting extends FilterInputStream {
    private final ProgressTracker.BlobProgress progress;
    private long count;

    Counting(InputStream in, ProgressTracker.BlobProgress progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.reached(++count);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        count += n;
        progress.reached(count);
      }
      return n;
    }
  }
}
