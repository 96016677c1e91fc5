package dev.containerregistry.v1.zstd;

import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.compression.LayerCompression;
import java.io.IOException;
import java.io.InputStream;

/**
 * zstd, as a {@link LayerCompression}: {@code
 * StreamLayer.builder(in).compression(Zstd.compression(3))} writes a zstd layer ({@link
 * MediaType#OCI_LAYER_ZSTD}), and with this module on the class path every zstd layer can be read
 * ({@code uncompressed()}, extract, validate, pulls).
 *
 * <p>Streams are one zstd frame with a content checksum, without the content size (a stream's
 * length is not known in advance). With one worker the reader's thread compresses and no thread is
 * started; with more, zstd's own native workers compress jobs of the input in parallel and still
 * produce one frame, the same bytes whatever the number of workers (but not the same as with one).
 * The native context and its workers are freed when the stream ends, fails or is closed, and,
 * should a stream be dropped unfinished and unclosed, once it becomes unreachable.
 */
public final class Zstd implements LayerCompression {

  /** The default level, zstd's own: 3. */
  public static final int DEFAULT_LEVEL = 3;

  /** The highest level: 22. */
  public static final int MAX_LEVEL = 22;

  private static final byte[] MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  private final int level;

  /**
   * zstd at {@link #DEFAULT_LEVEL}. This constructor is for {@link java.util.ServiceLoader}; code
   * calls {@link #compression()}.
   */
  public Zstd() {
    this(DEFAULT_LEVEL);
  }

  private Zstd(int level) {
    if (level < 1 || level > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "the zstd level must be between 1 and " + MAX_LEVEL + ", got " + level);
    }
    this.level = level;
  }

  /** zstd at {@link #DEFAULT_LEVEL}. */
  public static LayerCompression compression() {
    return new Zstd();
  }

  /**
   * zstd at {@code level}, 1 (fastest) to 22 (smallest; above 19 the decompressor needs more
   * memory).
   *
   * @throws IllegalArgumentException quoting the level when it is out of range
   */
  public static LayerCompression compression(int level) {
    return new Zstd(level);
  }

  /** {@code "zstd"}. */
  @Override
  public String name() {
    return "zstd";
  }

  @Override
  public int level() {
    return level;
  }

  /** {@link MediaType#OCI_LAYER_ZSTD}. */
  @Override
  public MediaType mediaType() {
    return MediaType.OCI_LAYER_ZSTD;
  }

  /** {@code 28 b5 2f fd}. */
  @Override
  public byte[] magic() {
    return MAGIC.clone();
  }

  /**
   * Decompresses every frame of {@code compressed}, in order; skippable frames are skipped. The
   * window is limited to zstd's default, 128 MiB, so a blob cannot make the decompressor take more.
   */
  @Override
  public InputStream decompress(InputStream compressed) throws IOException {
    return new ZstdDecompressingInputStream(compressed);
  }

  @Override
  public InputStream compress(InputStream uncompressed, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("zstd needs at least 1 worker, got " + workers);
    }
    return new ZstdCompressingInputStream(uncompressed, level, workers);
  }

  /** Equal when the level is. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Zstd that && that.level == level;
  }

  @Override
  public int hashCode() {
    return level;
  }

  /** {@code "zstd level N"}. */
  @Override
  public String toString() {
    return "zstd level " + level;
  }
}
