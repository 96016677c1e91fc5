package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Manifest;
import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the manifests of a copy's source before anything is written at its destination: every
 * manifest of the tree parses, every child of an index is fetched by digest (so its bytes hash to
 * what the index says) and has the size the index says. Each distinct child is fetched once, and
 * indexes nest at most {@value #MAX_DEPTH} deep. Blobs are verified later, as they stream.
 */
final class SourceVerifier {

  /** The deepest nesting of indexes copied. */
  static final int MAX_DEPTH = 8;

  private final Puller source;

  SourceVerifier(Puller source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * @throws IOException naming the first manifest of the tree that is bad, and why
   */
  void verify(FetchedManifest root) throws IOException {
    verify(root, 0, new HashSet<>());
  }

  private void verify(FetchedManifest manifest, int depth, Set<Hash> seen) throws IOException {
    if (!manifest.mediaType().isIndex()) {
      Manifest.parse(manifest.bytes());
      return;
    }
    if (depth == MAX_DEPTH) {
      throw new IOException(
          "index "
              + manifest.reference()
              + " nests indexes more than "
              + MAX_DEPTH
              + " levels deep; refusing to copy it");
    }
    IndexManifest index = IndexManifest.parse(manifest.bytes());
    for (Descriptor child : index.manifests()) {
      if (seen.add(child.digest())) {
        verify(child(manifest, child), depth + 1, seen);
      }
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
