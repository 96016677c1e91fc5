package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.RequestBody;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.net.URI;

/**
 * {@code PUT <upload location>?digest=<digest>}: closes an upload; the registry checks the data
 * against the digest and answers {@code 201}. A {@code 404} (the upload is unknown, as after a
 * retried commit whose first answer was lost) is a success when {@code HEAD} finds the blob.
 */
final class UploadCommit {

  private final Transport transport;
  private final BlobExistence existence;

  UploadCommit(Transport transport, BlobExistence existence) {
    this.transport = transport;
    this.existence = existence;
  }

  void commit(URI location, Hash digest) throws IOException {
    commit(location, digest, EmptyBody.INSTANCE);
  }

  /** Closes the upload at {@code location}, sending {@code body} as its last (or only) data. */
  void commit(URI location, Hash digest, RequestBody body) throws IOException {
    Request put = Request.of("PUT", UploadUrls.withDigest(location, digest)).withBody(body);
    try {
      TransportException.check(transport.send(put), 201, 204).close();
    } catch (TransportException e) {
      // A commit whose answer was lost is retried; the registry then knows no such upload (404).
      // Whether the blob landed is what counts.
      if (e.status() != 404 || !existence.exists(digest)) {
        throw e;
      }
    }
  }
}
