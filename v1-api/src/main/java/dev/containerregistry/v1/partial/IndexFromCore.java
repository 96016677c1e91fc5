package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import java.io.IOException;

/**
 * An {@link ImageIndex} derived from an {@link IndexCore}: the raw bytes are read once and kept,
 * children are looked up by digest among the index's descriptors.
 */
final class IndexFromCore implements ImageIndex {

  private final IndexCore core;
  private final Memo<byte[]> raw;
  private final Memo<IndexManifest> manifest;
  private final Memo<Hash> digest;

  IndexFromCore(IndexCore core) {
    this.core = core;
    this.raw = new Memo<>(core::rawManifest);
    this.manifest = new Memo<>(() -> IndexManifest.parse(raw.get()));
    this.digest = new Memo<>(() -> Hash.sha256(raw.get()));
  }

  /** The index's own media type, or the OCI index type when it names none. */
  @Override
  public MediaType mediaType() throws IOException {
    return indexManifest().mediaType().orElse(MediaType.OCI_IMAGE_INDEX);
  }

  @Override
  public Hash digest() throws IOException {
    return digest.get();
  }

  @Override
  public long size() throws IOException {
    return raw.get().length;
  }

  @Override
  public IndexManifest indexManifest() throws IOException {
    return manifest.get();
  }

  @Override
  public byte[] rawManifest() throws IOException {
    return raw.get().clone();
  }

  @Override
  public Image image(Hash wanted) throws IOException {
    return core.image(child(wanted, false));
  }

  @Override
  public ImageIndex imageIndex(Hash wanted) throws IOException {
    return core.imageIndex(child(wanted, true));
  }

  @Override
  public String toString() {
    try {
      return "ImageIndex[" + digest() + "]";
    } catch (IOException e) {
      return "ImageIndex[digest not available: " + e.getMessage() + "]";
    }
  }

  /** The child {@code wanted}, refused when its media type says it is of the other kind. */
  private Descriptor child(Hash wanted, boolean wantIndex) throws IOException {
    Descriptor child = child(wanted);
    MediaType type = child.mediaType();
    if (wantIndex ? type.isImage() : type.isIndex()) {
      throw new IOException(
          String.format(
              "child %s of index %s is %s (%s), not %s",
              wanted, digest(), kind(!wantIndex), type, kind(wantIndex)));
    }
    return child;
  }

  private static String kind(boolean index) {
    return index ? "an index" : "an image";
  }

  private Descriptor child(Hash wanted) throws IOException {
    for (Descriptor d : indexManifest().manifests()) {
      if (d.digest().equals(wanted)) {
        return d;
      }
    }
    throw new ContentNotFoundException(wanted, "the manifests of index " + digest());
  }
}
