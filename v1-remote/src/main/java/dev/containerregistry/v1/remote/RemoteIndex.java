package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An index in a registry, read lazily: its bytes were fetched once when this object was made; each
 * child manifest is fetched by digest (and so verified) when it is asked for. Thread-safe.
 */
final class RemoteIndex implements ImageIndex {

  private final FetchedManifest fetched;
  private final ManifestFetcher manifests;
  private final BlobFetcher blobs;
  private @Nullable IndexManifest index;

  RemoteIndex(FetchedManifest fetched, ManifestFetcher manifests, BlobFetcher blobs) {
    this.fetched = Objects.requireNonNull(fetched, "fetched");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  @Override
  public MediaType mediaType() {
    return fetched.mediaType();
  }

  @Override
  public Hash digest() {
    return fetched.digest();
  }

  @Override
  public long size() {
    return fetched.descriptor().size();
  }

  @Override
  public synchronized IndexManifest indexManifest() throws IOException {
    if (index == null) {
      index = IndexManifest.parse(fetched.bytes());
    }
    return index;
  }

  @Override
  public byte[] rawManifest() {
    return fetched.bytes();
  }

  @Override
  public Image image(Hash digest) throws IOException {
    FetchedManifest child = child(digest);
    ManifestKinds.requireImage(child, "child of index " + fetched.reference());
    return new RemoteImage(child, blobs);
  }

  @Override
  public ImageIndex imageIndex(Hash digest) throws IOException {
    FetchedManifest child = child(digest);
    ManifestKinds.requireIndex(child, "child of index " + fetched.reference());
    return new RemoteIndex(child, manifests, blobs);
  }

  /** The repository it was read from, which holds its children and their blobs. */
  Repository repository() {
    return fetched.reference().context();
  }

  /** The reference it was read by and its digest. */
  @Override
  public String toString() {
    return "RemoteIndex[" + fetched.reference() + " " + fetched.digest() + "]";
  }

  /** Fetches the child {@code digest}, which the index must list, by digest. */
  private FetchedManifest child(Hash digest) throws IOException {
    boolean listed = indexManifest().manifests().stream().anyMatch(d -> d.digest().equals(digest));
    if (!listed) {
      throw new ContentNotFoundException(digest, "the children of index " + fetched.reference());
    }
    return manifests.get(fetched.reference().context().digest(digest.toString()));
  }
}
