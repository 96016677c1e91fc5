package dev.containerregistry.v1.validate;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.partial.Partial;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * What a layer's bytes really are: the sha256 and length of {@code compressed()}, the sha256 of
 * those bytes decompressed (read in the same pass), and the sha256 of {@code uncompressed()}.
 */
record LayerReading(Hash digest, long size, Hash gunzippedDiffId, Hash uncompressedDiffId) {

  static LayerReading of(Layer layer) throws IOException {
    Tee tee = new Tee(layer.compressed());
    Layer view = Partial.compressedLayer(layer.digest(), 0, layer.mediaType(), () -> tee);
    Hash gunzipped;
    try (InputStream plain = view.uncompressed()) {
      gunzipped = Hash.sha256(plain).hash();
    }
    Hash uncompressed;
    try (InputStream plain = layer.uncompressed()) {
      uncompressed = Hash.sha256(plain).hash();
    }
    return new LayerReading(
        Hash.fromDigest(tee.sha256.digest()), tee.count, gunzipped, uncompressed);
  }

  /** Hashes everything that passes, and on close reads what the decompressor left behind. */
  private static final class Tee extends FilterInputStream {
    private final MessageDigest sha256 = Hash.newSha256();
    private long count;

    Tee(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        sha256.update(b, off, n);
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return Math.max(read(new byte[(int) Math.min(n, 8192)]), 0);
    }

    @Override
    public boolean markSupported() {
      return false;
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
