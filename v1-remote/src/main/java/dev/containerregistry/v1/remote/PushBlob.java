package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.NotComputedException;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A blob to push: a layer or a config. Knows whether its digest can be had before its data is read
 * (a stream layer's cannot: it is uploaded without {@code HEAD} or mount, and committed with the
 * digest read afterwards).
 */
final class PushBlob {

  private final Layer layer;
  private final String role;
  private final @Nullable Hash digest;
  private final long size;

  private PushBlob(Layer layer, String role, @Nullable Hash digest, long size) {
    this.layer = layer;
    this.role = role;
    this.digest = digest;
    this.size = size;
  }

  /** {@code layer}, asked for its digest and size now if it can give them. */
  static PushBlob of(Layer layer, String role) throws IOException {
    try {
      return new PushBlob(layer, role, layer.digest(), layer.size());
    } catch (NotComputedException streamed) {
      return new PushBlob(layer, role, null, -1);
    }
  }

  /** The digest, unless the layer computes it while being read. */
  Optional<Hash> knownDigest() {
    return Optional.ofNullable(digest);
  }

  /** The size, or -1 for a stream layer. */
  long knownSize() {
    return size;
  }

  /** True when the data can be read again (for a restart after a failure). */
  boolean reopenable() {
    return digest != null;
  }

  /** The repository the blob can be mounted from, if the layer knows one. */
  Optional<Repository> mountSource() {
    return layer instanceof MountableLayer mountable
        ? Optional.of(mountable.sourceRepository())
        : Optional.empty();
  }

  /** The layer whose compressed stream is the blob. */
  Layer layer() {
    return layer;
  }

  /** The digest after the data was read to its end. */
  Hash digestAfterRead() throws IOException {
    return digest != null ? digest : layer.digest();
  }

  /** The size after the data was read to its end. */
  long sizeAfterRead() throws IOException {
    return size >= 0 ? size : layer.size();
  }

  /** For messages: {@code layer sha256:…} or {@code stream layer (digest not yet known)}. */
  String label() {
    if (digest != null) {
      return role + " " + digest;
    }
    try {
      return "stream " + role + " " + layer.digest();
    } catch (NotComputedException | IOException notYet) {
      return "stream " + role + " (digest known once sent)";
    }
  }
}
