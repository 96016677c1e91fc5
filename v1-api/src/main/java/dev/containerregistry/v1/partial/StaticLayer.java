package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import dev.containerregistry.v1.compression.LayerCompressions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A layer held in memory: for tests, small generated files and configs. The digest and size are
 * computed when it is made; the DiffID on first use (or when made from a tar, at once).
 */
public final class StaticLayer implements Layer {

  private final byte[] compressed;
  private final MediaType mediaType;
  private final Hash digest;
  private final Memo<Hash> diffId;

  private StaticLayer(byte[] compressed, MediaType mediaType, Memo<Hash> diffId) {
    this.compressed = compressed;
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.digest = Hash.sha256(compressed);
    this.diffId = diffId;
  }

  /**
   * A layer whose blob is exactly {@code blob} (copied): usually a gzip tar, but any bytes are
   * accepted; the uncompressed form is decompressed when the bytes start as gzip (or zstd, with
   * module v1-zstd).
   */
  public static StaticLayer of(byte[] blob, MediaType mediaType) {
    byte[] copy = blob.clone();
    return new StaticLayer(
        copy,
        mediaType,
        new Memo<>(
            () -> {
              try (InputStream in = uncompress(copy)) {
                return Hash.sha256(in).hash();
              }
            }));
  }

  /**
   * A layer made by compressing {@code tar} (deterministically; same tar, same digest) in the
   * format {@code mediaType} names: zstd for {@code +zstd} (with module v1-zstd), gzip otherwise.
   *
   * @throws UncheckedIOException when the media type names a format this JVM does not have
   */
  public static StaticLayer fromTar(byte[] tar, MediaType mediaType) {
    byte[] compressed;
    try (InputStream in =
        LayerCompressions.forWriting(mediaType).compress(new ByteArrayInputStream(tar), 1)) {
      compressed = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("compressing an in-memory tar as " + mediaType, e);
    }
    Hash diffId = Hash.sha256(tar);
    return new StaticLayer(compressed, mediaType, new Memo<>(() -> diffId));
  }

  @Override
  public Hash digest() {
    return digest;
  }

  @Override
  public Hash diffId() throws IOException {
    return diffId.get();
  }

  @Override
  public InputStream compressed() {
    return new ByteArrayInputStream(compressed);
  }

  @Override
  public InputStream uncompressed() throws IOException {
    return uncompress(compressed);
  }

  @Override
  public long size() {
    return compressed.length;
  }

  @Override
  public MediaType mediaType() {
    return mediaType;
  }

  @Override
  public String toString() {
    return "StaticLayer[" + mediaType + " " + digest + " " + compressed.length + " bytes]";
  }

  private static InputStream uncompress(byte[] blob) throws IOException {
    return Decompression.uncompressed(
        new ByteArrayInputStream(blob), "in-memory blob " + Hash.sha256(blob));
  }
}
