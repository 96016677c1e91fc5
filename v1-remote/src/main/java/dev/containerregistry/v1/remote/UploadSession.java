package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.transport.Locations;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.RequestBody;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.util.Optional;

/**
 * {@code POST /v2/<name>/blobs/uploads/}: opens an upload session, or asks the registry to mount a
 * blob from another repository ({@code 201}: mounted; {@code 202}: declined, here is a session).
 */
final class UploadSession {

  /**
   * An open upload.
   *
   * @param location where to send the data, resolved against the request URL
   * @param minChunk the registry's {@code OCI-Chunk-Min-Length}, or 0
   */
  record Opened(URI location, long minChunk) {}

  private final Transport transport;
  private final Repository repo;

  UploadSession(Transport transport, Repository repo) {
    this.transport = transport;
    this.repo = repo;
  }

  /** Opens a session for a plain upload. */
  Opened start() throws IOException {
    Response response = TransportException.check(transport.send(post(UploadUrls.start(repo))), 202);
    try (response) {
      return opened(response);
    }
  }

  /**
   * Sends {@code data}, whose digest is {@code digest}, with the request that opens the upload
   * ({@code POST ?digest=}): empty when the registry stored it so, else the session it opened
   * instead, to put the data into.
   */
  Optional<Opened> startWith(Hash digest, byte[] data) throws IOException {
    Request request =
        Request.of("POST", UploadUrls.withDigest(UploadUrls.start(repo), digest))
            .withBody(RequestBody.of(data, "application/octet-stream"));
    Response response = TransportException.check(transport.send(request), 201, 202);
    try (response) {
      return response.status() == 201 ? Optional.empty() : Optional.of(opened(response));
    }
  }

  /**
   * Asks for {@code digest} to be mounted from {@code source}: empty when it was, else the session
   * the registry opened instead (or a new one, when the mount request itself failed).
   */
  Optional<Opened> mount(Hash digest, Repository source) throws IOException {
    Response response = transport.send(post(UploadUrls.mount(repo, digest, source)));
    try (response) {
      if (response.status() == 201) {
        return Optional.empty();
      }
      if (response.status() == 202) {
        return Optional.of(opened(response));
      }
    }
    return Optional.of(start());
  }

  private static Request post(URI uri) {
    return Request.of("POST", uri).withBody(EmptyBody.INSTANCE);
  }

  private static Opened opened(Response response) throws IOException {
    String location =
        response
            .header("Location")
            .orElseThrow(
                () ->
                    new ProtocolException(
                        response.request() + ": the registry opened an upload without a Location"));
    long minChunk =
        response.header("OCI-Chunk-Min-Length").map(UploadSession::parseLength).orElse(0L);
    return new Opened(Locations.resolve(response.request(), location), minChunk);
  }

  private static long parseLength(String value) {
    try {
      return Math.max(0, Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
