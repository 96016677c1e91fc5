package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Digest;
import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.RequestBody;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;

/**
 * {@code PUT /v2/<name>/manifests/<tag or digest>} with the manifest's exact bytes. Refuses, before
 * sending, a schema 1 manifest and bytes that do not hash to a digest reference; checks the digest
 * the registry reports back.
 */
final class ManifestPutter {

  private final Transport transport;

  ManifestPutter(Transport transport) {
    this.transport = transport;
  }

  /** Puts {@code raw} under {@code ref}; returns its digest. */
  Hash put(Reference ref, MediaType mediaType, byte[] raw) throws IOException {
    Hash digest = Hash.sha256(raw);
    String subject = "manifest " + digest + " (" + mediaType + ") as " + ref;
    if (mediaType.isSchema1()) {
      throw new IllegalArgumentException(subject + ": schema 1 manifests are not supported");
    }
    if (ref instanceof Digest byDigest && !byDigest.digestStr().equals(digest.toString())) {
      throw new IllegalArgumentException(
          subject + ": the bytes hash to " + digest + ", not to the reference's digest");
    }
    try {
      send(ref, mediaType, raw, digest);
    } catch (IOException e) {
      throw PushStep.MANIFEST.failure(subject, ref.context(), e);
    }
    return digest;
  }

  private void send(Reference ref, MediaType mediaType, byte[] raw, Hash digest)
      throws IOException {
    Request put =
        Request.of("PUT", RegistryUrls.manifest(ref))
            .withBody(RequestBody.of(raw, mediaType.value()));
    Response response = TransportException.check(transport.send(put), 201, 200);
    try (response) {
      String reported = response.header("Docker-Content-Digest").orElse(digest.toString()).strip();
      if (!reported.equals(digest.toString())) {
        throw new IOException("the registry stored it as " + reported + ", not as " + digest);
      }
    }
  }
}
