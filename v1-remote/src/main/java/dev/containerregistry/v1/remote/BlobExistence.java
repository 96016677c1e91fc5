package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;

/** {@code HEAD /v2/<name>/blobs/<digest>}: does the repository already hold a blob? */
final class BlobExistence {

  private final Transport transport;
  private final Repository repo;

  BlobExistence(Transport transport, Repository repo) {
    this.transport = transport;
    this.repo = repo;
  }

  boolean exists(Hash digest) throws IOException {
    Response response = transport.send(Request.head(RegistryUrls.blob(repo, digest)));
    if (response.status() == 404) {
      response.close();
      return false;
    }
    TransportException.check(response).close();
    return true;
  }
}
