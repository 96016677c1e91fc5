package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import java.io.IOException;
import java.util.Objects;

/**
 * Copies an image, or an index with every child, from one reference to another. The whole tree of
 * source manifests is fetched and checked first, so a bad source writes nothing at the destination;
 * then the writer streams each blob from the source registry to the destination (mounting remote
 * layers when both are on the same registry) and puts the source's manifest bytes, so every digest
 * stays the same. Nothing touches the disk.
 */
final class Copier {

  /** Where a copy is written: the push side, for one destination reference. */
  interface Destination {
    /** Writes {@code image}'s blobs, then its manifest bytes. */
    void write(Image image) throws IOException;

    /** Writes every child of {@code index}, then its bytes. */
    void write(ImageIndex index) throws IOException;
  }

  private final Puller source;
  private final SourceVerifier verifier;

  Copier(Puller source) {
    this.source = Objects.requireNonNull(source, "source");
    this.verifier = new SourceVerifier(source);
  }

  /**
   * Copies what {@code from} points at to {@code to}.
   *
   * @throws IOException naming the source manifest when it is bad (nothing is written then), or the
   *     blob or step that failed while writing
   */
  void copy(Reference from, Destination to) throws IOException {
    FetchedManifest root = source.get(from);
    verifier.verify(root);
    if (root.mediaType().isIndex()) {
      to.write(source.index(root));
    } else {
      to.write(source.image(root));
    }
  }
}
