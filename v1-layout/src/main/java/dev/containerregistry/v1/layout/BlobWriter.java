package dev.containerregistry.v1.layout;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.NotComputedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes every blob an image or index needs into a {@link BlobStore}, each once: layers first (so
 * that stream layers are settled before the config and manifest are asked for), then the config,
 * then the manifest. A blob already stored under its digest is not written again.
 */
final class BlobWriter {

  private final BlobStore blobs;

  BlobWriter(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Writes {@code image}'s layers, config and manifest. */
  void image(Image image) throws IOException {
    for (Layer layer : image.layers()) {
      layer(layer);
    }
    bytes(image.rawConfigFile(), image.configName(), "config of image");
    bytes(image.rawManifest(), image.digest(), "manifest of image");
  }

  /** Writes every child of {@code index}, recursively, then the index itself. */
  void index(ImageIndex index) throws IOException {
    for (Descriptor child : index.indexManifest().manifests()) {
      if (child.mediaType().isIndex()) {
        index(index.imageIndex(child.digest()));
      } else if (child.mediaType().isImage()) {
        image(index.image(child.digest()));
      } else {
        throw new IOException(
            "cannot write child "
                + child.digest()
                + " of index "
                + index.digest()
                + ": media type "
                + child.mediaType()
                + " is neither an image nor an index");
      }
    }
    bytes(index.rawManifest(), index.digest(), "index");
  }

  private void layer(Layer layer) throws IOException {
    Hash known = knownDigest(layer);
    if (known != null && blobs.has(known)) {
      return;
    }
    try (InputStream in = layer.compressed()) {
      blobs.write(in, known, "layer " + (known != null ? known : layer));
    }
  }

  private void bytes(byte[] content, Hash digest, String what) throws IOException {
    if (!blobs.has(digest)) {
      blobs.write(new ByteArrayInputStream(content), digest, what + " " + digest);
    }
  }

  /** The layer's digest when it is known before reading it; null for an unread stream layer. */
  private static @Nullable Hash knownDigest(Layer layer) throws IOException {
    try {
      return layer.digest();
    } catch (NotComputedException notYet) {
      return null;
    }
  }
}
