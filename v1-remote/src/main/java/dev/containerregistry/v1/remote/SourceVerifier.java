package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Manifest;
import java.io.IOException;
import java.util.Objects;

/**
 * Checks the manifests of a copy's source before anything is written at its destination: every
 * manifest of the tree parses, every child of an index is fetched by digest (so its bytes hash to
 * what the index says) and has the size the index says. Blobs are verified later, as they stream.
 */
final class SourceVerifier {

  private final Puller source;

  SourceVerifier(Puller source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * @throws IOException naming the first manifest of the tree that is bad, and why
   */
  void verify(FetchedManifest root) throws IOException {
    if (root.mediaType().isIndex()) {
      IndexManifest index = IndexManifest.parse(root.bytes());
      for (Descriptor child : index.manifests()) {
        verify(child(root, child));
      }
    } else {
      Manifest.parse(root.bytes());
    }
  }

  private FetchedManifest child(FetchedManifest parent, Descriptor child) throws IOException {
    FetchedManifest fetched =
        source.get(parent.reference().context().digest(child.digest().toString()));
    if (fetched.descriptor().size() != child.size()) {
      throw new VerificationException(
          child.digest(),
          "child "
              + child.digest()
              + " of index "
              + parent.reference()
              + " has "
              + fetched.descriptor().size()
              + " bytes, but the index declares "
              + child.size());
    }
    return fetched;
  }
}
