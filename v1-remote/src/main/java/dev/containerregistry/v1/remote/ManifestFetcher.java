package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Digest;
import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fetches manifests and indexes ({@code GET} and {@code HEAD /v2/<name>/manifests/<ref>}),
 * accepting every manifest media type. The body is read into memory up to a size cap; a manifest
 * fetched by digest must hash to that digest; Docker schema 1 is refused.
 */
final class ManifestFetcher {

  /** Every manifest type, so that a registry never converts; schema 1 only to refuse it clearly. */
  static final List<MediaType> ACCEPTED =
      List.of(
          MediaType.OCI_MANIFEST,
          MediaType.OCI_IMAGE_INDEX,
          MediaType.DOCKER_MANIFEST_SCHEMA2,
          MediaType.DOCKER_MANIFEST_LIST,
          MediaType.DOCKER_MANIFEST_SCHEMA1,
          MediaType.DOCKER_MANIFEST_SCHEMA1_SIGNED);

  static final String ACCEPT =
      ACCEPTED.stream().map(MediaType::value).collect(Collectors.joining(", "));

  private final Transport transport;
  private final long limit;

  /**
   * @param transport authenticated for pulling from the references' repository
   * @param limit the largest manifest read into memory, in bytes
   */
  ManifestFetcher(Transport transport, long limit) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.limit = limit;
  }

  /** The manifest {@code ref} points at, verified against the digest when {@code ref} has one. */
  FetchedManifest get(Reference ref) throws IOException {
    try (Response response = send(Request.get(RegistryUrls.manifest(ref)))) {
      byte[] bytes = response.bytes(limit);
      String subject = "manifest " + ref;
      MediaType mediaType = ManifestMediaType.of(response.header("Content-Type"), bytes, subject);
      refuseSchema1(ref, mediaType);
      FetchedManifest fetched = new FetchedManifest(ref, mediaType, bytes);
      requireDigest(ref, fetched.digest());
      return fetched;
    }
  }

  /**
   * The descriptor of what {@code ref} points at, from the headers of a {@code HEAD}; falls back to
   * a {@code GET} when the registry does not send the digest, size and media type.
   */
  Descriptor head(Reference ref) throws IOException {
    Optional<Descriptor> fromHeaders;
    try (Response response = send(Request.head(RegistryUrls.manifest(ref)))) {
      fromHeaders = descriptorFromHeaders(response);
    }
    if (fromHeaders.isEmpty()) {
      return get(ref).descriptor();
    }
    refuseSchema1(ref, fromHeaders.get().mediaType());
    requireDigest(ref, fromHeaders.get().digest());
    return fromHeaders.get();
  }

  private Response send(Request request) throws IOException {
    return TransportException.check(transport.send(request.withHeader("Accept", ACCEPT)));
  }

  private static Optional<Descriptor> descriptorFromHeaders(Response response) {
    try {
      Optional<String> type = response.header("Content-Type").map(t -> t.split(";", 2)[0].strip());
      Optional<String> digest = response.header("Docker-Content-Digest");
      Optional<String> length = response.header("Content-Length");
      if (type.isEmpty() || type.get().isEmpty() || digest.isEmpty() || length.isEmpty()) {
        return Optional.empty();
      }
      MediaType mediaType = MediaType.of(type.get());
      if (!ACCEPTED.contains(mediaType)) {
        return Optional.empty();
      }
      return Optional.of(
          Descriptor.of(
              mediaType, Long.parseLong(length.get().strip()), Hash.parse(digest.get().strip())));
    } catch (IllegalArgumentException unusable) {
      return Optional.empty();
    }
  }

  private static void refuseSchema1(Reference ref, MediaType mediaType) throws IOException {
    if (mediaType.isSchema1()) {
      throw new IOException(
          "manifest "
              + ref
              + " is a Docker schema 1 manifest ("
              + mediaType
              + "), a format this SDK does not read; push the image again with a current client"
              + " to store it as Docker schema 2 or OCI");
    }
  }

  private static void requireDigest(Reference ref, Hash actual) throws VerificationException {
    if (ref instanceof Digest digest && !digest.digestStr().equals(actual.toString())) {
      Hash wanted = Hash.parse(digest.digestStr());
      throw new VerificationException(
          wanted, "manifest " + ref + " has sha256 " + actual + ", not the requested " + wanted);
    }
  }
}
