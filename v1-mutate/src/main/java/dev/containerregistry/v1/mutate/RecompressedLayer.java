package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.ComputedOnRead;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.compression.LayerCompression;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * A layer's tar compressed anew, as it is read: nothing is read until {@link #compressed()} is. The
 * DiffID is the original's; the digest and size are those of the first compressed stream read to
 * its end, and before that they throw {@link NotComputedException}, as a stream layer's do. Each
 * read compresses the original's tar again (the same bytes, as compression is deterministic).
 */
final class RecompressedLayer implements ComputedOnRead {

  private final Layer original;
  private final LayerCompression compression;
  private final MediaType mediaType;
  private volatile Hash.@Nullable Sized written;

  RecompressedLayer(Layer original, LayerCompression compression, MediaType mediaType) {
    this.original = original;
    this.compression = compression;
    this.mediaType = mediaType;
  }

  @Override
  public Hash digest() {
    return written("digest").hash();
  }

  /** The original's DiffID: the tar is the same. */
  @Override
  public Hash diffId() throws IOException {
    return original.diffId();
  }

  /** The original's tar, compressed as it is read; reading it to the end settles the digest. */
  @Override
  public InputStream compressed() throws IOException {
    InputStream tar = original.uncompressed();
    InputStream compressedTar;
    try {
      compressedTar = compression.compress(tar, 1);
    } catch (IOException | RuntimeException e) {
      tar.close();
      throw e;
    }
    return Hash.hashing(compressedTar, this::settle);
  }

  @Override
  public InputStream uncompressed() throws IOException {
    return original.uncompressed();
  }

  @Override
  public long size() {
    return written("size").size();
  }

  @Override
  public MediaType mediaType() {
    return mediaType;
  }

  /** True once a compressed stream has been read to its end. */
  @Override
  public boolean computed() {
    return written != null;
  }

  /** As the original: each read compresses its tar again. */
  @Override
  public boolean readableAgain() {
    return !(original instanceof ComputedOnRead lazy) || lazy.readableAgain();
  }

  @Override
  public String toString() {
    return "RecompressedLayer[" + original + " as " + compression + "]";
  }

  private synchronized void settle(Hash.Sized read) {
    if (written == null) {
      written = read;
    }
  }

  private Hash.Sized written(String what) {
    Hash.Sized known = written;
    if (known == null) {
      throw new NotComputedException(
          "the "
              + what
              + " of a layer recompressed as "
              + compression
              + " is known once its compressed stream has been read to its end");
    }
    return known;
  }
}
