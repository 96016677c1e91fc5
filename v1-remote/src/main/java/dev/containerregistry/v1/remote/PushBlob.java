package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.ComputedOnRead;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A blob to push: a layer or a config. Knows whether its digest can be had before its data is read
 * (not for a {@link ComputedOnRead} layer not yet read: it is uploaded without {@code HEAD} or
 * mount, and committed with the digest read afterwards) and whether its data can be read again for
 * a restart.
 */
final class PushBlob {

  private final Layer layer;
  private final String role;
  private final @Nullable Hash digest;
  private final long size;
  private final boolean readableAgain;

  private PushBlob(
      Layer layer, String role, @Nullable Hash digest, long size, boolean readableAgain) {
    this.layer = layer;
    this.role = role;
    this.digest = digest;
    this.size = size;
    this.readableAgain = readableAgain;
  }

  /**
   * {@code layer}, asked for its digest and size now unless it is a {@link ComputedOnRead} layer
   * that has not computed them yet.
   */
  static PushBlob of(Layer layer, String role) throws IOException {
    if (layer instanceof ComputedOnRead lazy && !lazy.computed()) {
      return new PushBlob(layer, role, null, -1, lazy.readableAgain());
    }
    boolean again = !(layer instanceof ComputedOnRead lazy) || lazy.readableAgain();
    return new PushBlob(layer, role, layer.digest(), layer.size(), again);
  }

  /** The digest, unless the layer computes it while being read. */
  Optional<Hash> knownDigest() {
    return Optional.ofNullable(digest);
  }

  /** The size, or -1 until the data was read. */
  long knownSize() {
    return size;
  }

  /** True when the data can be read again from byte 0 (for a restart after a failure). */
  boolean reopenable() {
    return readableAgain;
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

  /** For messages: {@code layer sha256:…} or {@code stream layer (digest known once sent)}. */
  String label() {
    if (digest != null) {
      return role + " " + digest;
    }
    if (layer instanceof ComputedOnRead lazy && lazy.computed()) {
      try {
        return "stream " + role + " " + layer.digest();
      } catch (IOException unreadable) {
        return "stream " + role + " (digest unreadable: " + unreadable.getMessage() + ")";
      }
    }
    return "stream " + role + " (digest known once sent)";
  }
}
