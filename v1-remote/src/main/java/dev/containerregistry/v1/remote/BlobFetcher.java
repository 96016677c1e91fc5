package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.partial.VerifiedBlobs;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams blobs ({@code GET /v2/<name>/blobs/<digest>}, following redirects to storage) through a
 * {@link VerifiedBlobs#verify verifying stream}: the reader gets the bytes as they arrive, and a
 * blob of the wrong size or digest fails instead of ending. Nothing is buffered beyond the HTTP
 * client's buffer.
 */
final class BlobFetcher {

  private final Transport transport;
  private final ProgressTracker progress;

  /**
   * @param transport authenticated for pulling from the blobs' repository
   * @param progress told about each blob opened and the bytes read from it
   */
  BlobFetcher(Transport transport, ProgressTracker progress) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** The blob {@code blob} describes; the caller closes the stream. */
  InputStream open(Repository repo, Descriptor blob) throws IOException {
    if (!progress.observed()) {
      return openVerified(repo, blob);
    }
    progress.expect(blob.size());
    return watched(
        blob.digest(),
        progress.start(BlobTransfer.Direction.PULL, repo, Optional.of(blob.digest()), blob.size()),
        () -> openVerified(repo, blob));
  }

  private InputStream openVerified(Repository repo, Descriptor blob) throws IOException {
    String subject = "blob " + blob.digest() + " of " + repo;
    Response response = send(repo, blob.digest());
    Optional<Long> declared = contentLength(response);
    if (declared.isPresent() && declared.get() != blob.size()) {
      response.close();
      throw new VerificationException(
          blob.digest(),
          subject
              + ": the registry sends "
              + declared.get()
              + " bytes, but its descriptor declares "
              + blob.size());
    }
    return VerifiedBlobs.verify(
        new ResponseStream(response),
        blob.digest(),
        blob.size(),
        subject,
        VerificationException::new);
  }

  /**
   * The blob {@code digest} names, whatever its size, checked against the digest as it is read; the
   * caller closes the stream.
   */
  InputStream open(Repository repo, Hash digest) throws IOException {
    if (!progress.observed()) {
      return openVerified(repo, digest);
    }
    return watched(
        digest,
        progress.start(BlobTransfer.Direction.PULL, repo, Optional.of(digest), -1),
        () -> openVerified(repo, digest));
  }

  private InputStream openVerified(Repository repo, Hash digest) throws IOException {
    String subject = "blob " + digest + " of " + repo;
    Response response = send(repo, digest);
    return VerifiedBlobs.verify(
        new ResponseStream(response),
        digest,
        VerifiedBlobs.ANY_SIZE,
        subject,
        VerificationException::new);
  }

  private static InputStream watched(
      Hash digest, ProgressTracker.BlobProgress watch, IoSupplier<InputStream> opening)
      throws IOException {
    try {
      return new WatchedBlobStream(opening.get(), digest, watch);
    } catch (IOException | RuntimeException e) {
      watch.failed(e);
      throw e;
    }
  }

  private Response send(Repository repo, Hash digest) throws IOException {
    return TransportException.check(transport.send(Request.get(RegistryUrls.blob(repo, digest))));
  }

  /**
   * The whole blob in memory, for small documents such as a config file.
   *
   * @throws IOException when the descriptor declares more than {@code limit} bytes
   */
  byte[] read(Repository repo, Descriptor blob, long limit) throws IOException {
    if (blob.size() > limit) {
      throw new IOException(
          "blob "
              + blob.digest()
              + " of "
              + repo
              + ": refusing to read "
              + blob.size()
              + " bytes into memory, over the limit of "
              + limit);
    }
    try (InputStream in = open(repo, blob)) {
      return in.readAllBytes();
    }
  }

  private static Optional<Long> contentLength(Response response) {
    try {
      return response.header("Content-Length").map(String::strip).map(Long::parseLong);
    } catch (NumberFormatException ignored) {
      return Optional.empty();
    }
  }

  /** The body of a response; closing it closes the response, releasing the connection. */
  private static final class ResponseStream extends FilterInputStream {
    private final Response response;

    ResponseStream(Response response) {
      super(response.body());
      this.response = response;
    }

    @Override
    public void close() throws IOException {
      response.close();
    }
  }
}
