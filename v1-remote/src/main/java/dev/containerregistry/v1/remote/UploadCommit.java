package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.net.URI;

/**
 * {@code PUT <upload location>?digest=<digest>}: closes an upload; the registry checks the data
 * against the digest and answers {@code 201}.
 */
final class UploadCommit {

  private final Transport transport;

  UploadCommit(Transport transport) {
    this.transport = transport;
  }

  void commit(URI location, Hash digest) throws IOException {
    Request put =
        Request.of("PUT", UploadUrls.withDigest(location, digest)).withBody(EmptyBody.INSTANCE);
    TransportException.check(transport.send(put), 201, 204).close();
  }
}
