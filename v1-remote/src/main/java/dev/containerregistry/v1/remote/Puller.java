package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import java.io.IOException;
import java.util.Objects;

/**
 * The read side for one repository: manifests by reference, turned into lazy images and indexes. An
 * image asked of an index is the child for the wanted platform.
 */
final class Puller {

  private final ManifestFetcher manifests;
  private final BlobFetcher blobs;

  Puller(ManifestFetcher manifests, BlobFetcher blobs) {
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  /**
   * Reads manifests (up to {@link Response#MANIFEST_LIMIT} bytes) and blobs over {@code transport},
   * telling {@code progress} about the blobs read.
   */
  static Puller over(Transport transport, ProgressTracker progress) {
    return new Puller(
        new ManifestFetcher(transport, Response.MANIFEST_LIMIT),
        new BlobFetcher(transport, progress));
  }

  /** The manifest or index {@code ref} points at, with its descriptor. */
  FetchedManifest get(Reference ref) throws IOException {
    return manifests.get(ref);
  }

  /** The descriptor of what {@code ref} points at, from a {@code HEAD} when possible. */
  Descriptor head(Reference ref) throws IOException {
    return manifests.head(ref);
  }

  /** The image {@code ref} points at or, for an index, its image for {@code platform}. */
  Image image(Reference ref, Platform platform) throws IOException {
    return image(manifests.get(ref), platform);
  }

  /** {@code fetched} as an image or, for an index, its image for {@code platform}. */
  Image image(FetchedManifest fetched, Platform platform) throws IOException {
    if (!fetched.mediaType().isIndex()) {
      return image(fetched);
    }
    IndexManifest index = IndexManifest.parse(fetched.bytes());
    String where = "index " + fetched.reference() + " (" + fetched.digest() + ")";
    Descriptor child = PlatformMatcher.choose(index, where, platform);
    FetchedManifest image =
        manifests.get(fetched.reference().context().digest(child.digest().toString()));
    ManifestKinds.requireImage(image, "the " + platform + " child of " + where);
    return new RemoteImage(image, blobs);
  }

  /** {@code fetched}, which must not be an index, as an image. */
  Image image(FetchedManifest fetched) throws IOException {
    ManifestKinds.requireImage(fetched, "manifest " + fetched.reference());
    return new RemoteImage(fetched, blobs);
  }

  /** The index {@code ref} points at. */
  ImageIndex index(Reference ref) throws IOException {
    return index(manifests.get(ref));
  }

  /** {@code fetched} as an index. */
  ImageIndex index(FetchedManifest fetched) throws IOException {
    ManifestKinds.requireIndex(fetched, "manifest " + fetched.reference());
    return new RemoteIndex(fetched, manifests, blobs);
  }
}
