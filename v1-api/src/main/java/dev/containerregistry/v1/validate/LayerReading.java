package dev.containerregistry.v1.validate;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.partial.Partial;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a layer's bytes really are: the sha256 and length of {@code compressed()}, the sha256 of
 * those bytes decompressed (read in the same pass), and the sha256 of {@code uncompressed()}.
 */
record LayerReading(Hash digest, long size, Hash decompressedDiffId, Hash uncompressedDiffId) {

  static LayerReading of(Layer layer) throws IOException {
    AtomicReference<Hash.Sized> compressed = new AtomicReference<>();
    InputStream tee = new DrainOnClose(Hash.hashing(layer.compressed(), compressed::set));
    Layer view = Partial.compressedLayer(layer.digest(), 0, layer.mediaType(), () -> tee);
    Hash decompressed;
    try (InputStream plain = view.uncompressed()) {
      decompressed = Hash.sha256(plain).hash();
    }
    Hash uncompressed;
    try (InputStream plain = layer.uncompressed()) {
      uncompressed = Hash.sha256(plain).hash();
    }
    Hash.Sized read =
        Objects.requireNonNull(compressed.get(), "the hash of a stream read to its end");
    return new LayerReading(read.hash(), read.size(), decompressed, uncompressed);
  }

  /** On close, reads what the decompressor left behind, so that every byte is hashed. */
  private static final class DrainOnClose extends FilterInputStream {
    DrainOnClose(InputStream in) {
      super(in);
    }

    @Override
    public void close() throws IOException {
      try {
        transferTo(OutputStream.nullOutputStream());
      } finally {
        super.close();
      }
    }
  }
}
