package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.util.Objects;

/**
 * Deletes a manifest ({@code DELETE /v2/<name>/manifests/<digest or tag>}). Registries accept 202
 * (the spec) or 200; many refuse deletion by tag or disable deletion altogether, which arrives as a
 * {@link TransportException} with the registry's code ({@code UNSUPPORTED}).
 */
final class ManifestDeleter {

  private final Transport transport;

  /**
   * @param transport authenticated for deleting from the reference's repository
   */
  ManifestDeleter(Transport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  void delete(Reference ref) throws IOException {
    try {
      TransportException.check(transport.send(Request.of("DELETE", RegistryUrls.manifest(ref))))
          .close();
    } catch (TransportException error) {
      if (ref instanceof Tag && (error.status() == 400 || error.status() == 405)) {
        throw error.whileDoing(
            "deleting "
                + ref
                + ": this registry deletes manifests by digest only;"
                + " delete the digest Remote.head gives for the tag");
      }
      throw error;
    }
  }
}
