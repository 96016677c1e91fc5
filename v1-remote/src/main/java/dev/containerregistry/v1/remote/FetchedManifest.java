package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import java.util.Objects;

/**
 * A manifest or index as a registry served it: the exact bytes, and the descriptor that points at
 * them (media type, size and the sha256 of those bytes). What {@link Remote#get} returns; turn it
 * into a lazy image or index with {@link Remote#image} or {@link Remote#index}.
 */
public final class FetchedManifest {

  private final Reference reference;
  private final Descriptor descriptor;
  private final byte[] bytes;

  FetchedManifest(Reference reference, MediaType mediaType, byte[] bytes) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.bytes = bytes.clone();
    this.descriptor = Descriptor.of(mediaType, bytes.length, Hash.sha256(bytes));
  }

  /** The reference it was fetched by. */
  public Reference reference() {
    return reference;
  }

  /** Media type, size and digest of {@link #bytes()}. */
  public Descriptor descriptor() {
    return descriptor;
  }

  /** The media type the registry served it as (or the document declares). */
  public MediaType mediaType() {
    return descriptor.mediaType();
  }

  /** The sha256 of {@link #bytes()}. */
  public Hash digest() {
    return descriptor.digest();
  }

  /** A copy of the exact bytes served. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The reference and the descriptor. */
  @Override
  public String toString() {
    return reference + " " + descriptor;
  }
}
