package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.partial.Decompression;
import dev.containerregistry.v1.partial.VerifiedBlobs;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A layer (or the config blob) of an image in a registry. Digest, size and media type come from its
 * descriptor, the DiffID from the image's config; nothing is downloaded until a stream is opened,
 * and every stream is verified as it is read. It knows its repository, so that writing it to
 * another repository of the same registry can mount it instead of uploading it.
 */
final class RemoteLayer implements MountableLayer {

  /** Where the DiffID of a layer comes from: usually the image's config, fetched on demand. */
  private final BlobFetcher blobs;

  private final Repository repository;
  private final Descriptor descriptor;
  private final IoSupplier<Hash> diffIds;

  RemoteLayer(
      BlobFetcher blobs, Repository repository, Descriptor descriptor, IoSupplier<Hash> diffIds) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    this.diffIds = Objects.requireNonNull(diffIds, "diffIds");
  }

  /**
   * A blob that is stored uncompressed (a config, an uncompressed tar): its DiffID is its digest.
   */
  static RemoteLayer uncompressed(BlobFetcher blobs, Repository repository, Descriptor descriptor) {
    return new RemoteLayer(blobs, repository, descriptor, descriptor::digest);
  }

  /** The repository the blob is read from, and can be mounted from. */
  @Override
  public Repository sourceRepository() {
    return repository;
  }

  @Override
  public Hash digest() {
    return descriptor.digest();
  }

  @Override
  public Hash diffId() throws IOException {
    return diffIds.get();
  }

  @Override
  public InputStream compressed() throws IOException {
    return blobs.open(repository, descriptor);
  }

  /**
   * The tar: gzip is inflated (recognised by its first bytes), an uncompressed blob passed through,
   * and the result checked against the DiffID at its end.
   */
  @Override
  public InputStream uncompressed() throws IOException {
    Hash diffId = diffId();
    String subject = "layer " + descriptor.digest() + " of " + repository;
    InputStream blob = compressed();
    InputStream tar;
    try {
      tar = Decompression.uncompressed(blob, subject);
    } catch (IOException | RuntimeException badHeader) {
      blob.close(); // a corrupt gzip header must not keep the connection
      throw badHeader;
    }
    return VerifiedBlobs.verify(
        tar,
        diffId,
        VerifiedBlobs.ANY_SIZE,
        "uncompressed content of " + subject + " (DiffID " + diffId + ")",
        VerificationException::new);
  }

  @Override
  public long size() {
    return descriptor.size();
  }

  @Override
  public MediaType mediaType() {
    return descriptor.mediaType();
  }

  @Override
  public String toString() {
    return "RemoteLayer[" + repository + " " + descriptor + "]";
  }
}
