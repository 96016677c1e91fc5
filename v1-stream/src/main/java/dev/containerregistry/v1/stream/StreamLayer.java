package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.ComputedOnRead;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.compression.LayerCompression;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * A layer over an uncompressed tar that is read exactly once and never buffered whole. Reading
 * {@link #compressed()} gzips the input as it goes and, on the way, computes the DiffID (sha256 of
 * the input), the digest (sha256 of the gzip bytes) and the size (their count).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>{@link #digest()}, {@link #diffId()} and {@link #size()} throw {@link NotComputedException}
 *       until the compressed stream has been read to its end; then they return the values, from any
 *       thread.
 *   <li>{@link #compressed()} can be called once; later calls throw {@link
 *       AlreadyConsumedException}. Of concurrent callers exactly one gets the stream.
 *   <li>Closing the compressed stream before its end closes the input and leaves the layer without
 *       values. Reaching the end closes the input too.
 *   <li>{@link #uncompressed()} always throws: the input is gone once it has been compressed.
 * </ul>
 *
 * <p>gzip is the default; {@link Builder#compression} picks another format of v1-api's compression
 * seam, such as zstd ({@code Zstd.compression(level)} from module v1-zstd), with the same rules.
 *
 * <p>gzip input is compressed in blocks ({@link Builder#blockSize(int)}) that form one gzip stream,
 * by {@link #defaultParallelism()} workers unless {@link Builder#parallelism(int)} says otherwise,
 * with memory bounded by about one block of input and output per worker. With one worker the
 * reader's own thread compresses and no thread is started. The bytes depend on the level and the
 * block size only, not on the number of workers, so the same input gives the same digest on every
 * machine. The workers stop when the stream ends, fails or is closed, and also when a stream that
 * was dropped without being closed is collected: forgetting to close leaks no thread.
 *
 * <pre>{@code
 * StreamLayer layer = StreamLayer.of(Files.newInputStream(tar));
 * try (InputStream gzip = layer.compressed()) {
 *   gzip.transferTo(upload);
 * }
 * Hash digest = layer.digest();
 * }</pre>
 */
public final class StreamLayer implements ComputedOnRead {

  /** The default gzip level: the fastest, as pushing a layer is usually limited by the CPU. */
  public static final int DEFAULT_COMPRESSION_LEVEL = Deflater.BEST_SPEED;

  /** The default bytes of input per block: 1 MiB. */
  public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

  /** The most workers {@link #defaultParallelism()} chooses. */
  public static final int MAX_DEFAULT_PARALLELISM = 4;

  private final InputStream input;
  private final StreamOptions options;
  private final StreamLifecycle lifecycle = new StreamLifecycle();

  private StreamLayer(InputStream input, StreamOptions options) {
    this.input = input;
    this.options = options;
  }

  /**
   * A Docker gzip layer over {@code input}, compressed at the fastest level by {@link
   * #defaultParallelism()} workers.
   */
  public static StreamLayer of(InputStream input) {
    return builder(input).build();
  }

  /** A builder for a layer over {@code input}, with every option at its default. */
  public static Builder builder(InputStream input) {
    return new Builder(input);
  }

  /**
   * The number of compressing workers used unless set: the processors this JVM may use ({@link
   * Runtime#availableProcessors()}, which honours container CPU limits), at most {@value
   * #MAX_DEFAULT_PARALLELISM}. One processor gives 1, which compresses in the reader's thread.
   *
   * <p>Why: at level 1 one core deflates about 120 MiB/s of binaries, often less than the upload
   * can take, so each core added speeds a push up while the reader's thread (reading, hashing,
   * copying, several hundred MiB/s) keeps up. On a quiet 2-core machine 2 workers pushed a 1 GiB
   * layer to a local registry 1.47 times as fast as 1 (118 vs 80 MB/s, with zlib's slower level 1),
   * for a little more CPU time (blocks are copied once more); on a machine whose cores are all busy
   * they gain nothing and lose that much. Past four workers (several hundred MiB/s of input) the
   * network or the registry is the limit on most pushes, while each worker holds another block of
   * input and output and an encoder (about 2.5 MiB), for each layer pushed at once.
   */
  public static int defaultParallelism() {
    return Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_PARALLELISM);
  }

  /**
   * The gzip stream of the input, to be read once to its end and closed. It is not safe for use by
   * several threads at once.
   *
   * @throws AlreadyConsumedException if this method was called before
   */
  @Override
  public InputStream compressed() {
    lifecycle.start();
    HashedInput hashed = new HashedInput(input);
    if (!options.gzip()) {
      return new CodecLayerStream(hashed, options.compression(), options.parallelism(), lifecycle);
    }
    return new BlockGzipStream(hashed, options, lifecycle);
  }

  /**
   * Always throws: a stream layer reads its input once, to compress it.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public InputStream uncompressed() {
    throw new UnsupportedOperationException(
        "a stream layer has no uncompressed stream: its input is read once, by compressed();"
            + " keep the tar elsewhere to read it again");
  }

  /**
   * The sha256 of the compressed bytes.
   *
   * @throws NotComputedException until {@link #compressed()} has been read to its end
   */
  @Override
  public Hash digest() {
    return lifecycle.values("digest").digest();
  }

  /**
   * The sha256 of the uncompressed input.
   *
   * @throws NotComputedException until {@link #compressed()} has been read to its end
   */
  @Override
  public Hash diffId() {
    return lifecycle.values("DiffID").diffId();
  }

  /**
   * The number of compressed bytes.
   *
   * @throws NotComputedException until {@link #compressed()} has been read to its end
   */
  @Override
  public long size() {
    return lifecycle.values("size").size();
  }

  /** True once {@link #compressed()} has been read to its end. */
  @Override
  public boolean computed() {
    return lifecycle.done();
  }

  /** False: the input is consumed by the one read {@link #compressed()} allows. */
  @Override
  public boolean readableAgain() {
    return false;
  }

  /**
   * The media type given to the builder; by default {@link MediaType#DOCKER_LAYER} for gzip and the
   * compression's own (OCI) type for other formats.
   */
  @Override
  public MediaType mediaType() {
    return options.mediaType();
  }

  /** The options and where the stream stands, for logs. */
  @Override
  public String toString() {
    return "StreamLayer[" + options + ", " + lifecycle + "]";
  }

  /** Options of a {@link StreamLayer}; each has a default, so set only what you change. */
  public static final class Builder {
    private final InputStream input;
    private int compressionLevel = DEFAULT_COMPRESSION_LEVEL;
    private boolean levelSet;
    private @Nullable LayerCompression compression;
    private @Nullable MediaType mediaType;
    private int parallelism = defaultParallelism();
    private int blockSize = DEFAULT_BLOCK_SIZE;

    private Builder(InputStream input) {
      this.input = Objects.requireNonNull(input, "input");
    }

    /**
     * The gzip level, 0 (stored) to 9 (smallest); default 1, the fastest. Level 1 is deflated by
     * this module's own encoder, in about half the CPU time of zlib's level 1 for output of about
     * the same size; the other levels by the JDK's zlib ({@link Deflater}). For another format the
     * level is part of its {@link #compression}.
     */
    public Builder compressionLevel(int level) {
      this.compressionLevel = level;
      this.levelSet = true;
      return this;
    }

    /**
     * The format and level of the compressed stream, for example {@code Zstd.compression(3)}
     * (module v1-zstd) or {@link LayerCompression#gzip(int)}; default gzip at {@link
     * #compressionLevel}. gzip is written by the stream layer itself (in parallel, see {@link
     * #parallelism}); another format by its own compressor, which with parallelism above 1 is asked
     * for that many workers (zstd runs its own native workers and still writes one frame).
     */
    public Builder compression(LayerCompression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /**
     * The media type of the layer, a layer type of the compression's format; default {@link
     * MediaType#DOCKER_LAYER} for gzip, the format's own type (for zstd {@link
     * MediaType#OCI_LAYER_ZSTD}) otherwise.
     */
    public Builder mediaType(MediaType mediaType) {
      this.mediaType = mediaType;
      return this;
    }

    /**
     * The number of compressing workers, 1 to 256; default {@link #defaultParallelism()}. With 1
     * the reader's thread compresses and no thread is started; the output is the same either way.
     */
    public Builder parallelism(int workers) {
      this.parallelism = workers;
      return this;
    }

    /**
     * The bytes of input a worker compresses at a time, 1 byte to 64 MiB; default 1 MiB. Blocks
     * much smaller than 64 KiB cost compression ratio. The output depends on it.
     */
    public Builder blockSize(int bytes) {
      this.blockSize = bytes;
      return this;
    }

    /**
     * The layer.
     *
     * @throws IllegalArgumentException quoting the value, if an option is out of range, if the
     *     media type is not of the compression's format, or if both a compression and a gzip level
     *     were given
     */
    public StreamLayer build() {
      LayerCompression format = compression();
      MediaType type = mediaType;
      if (type == null) {
        type =
            format.name().equals(StreamOptions.GZIP) ? MediaType.DOCKER_LAYER : format.mediaType();
      }
      return new StreamLayer(input, new StreamOptions(format, type, parallelism, blockSize));
    }

    private LayerCompression compression() {
      LayerCompression chosen = compression;
      if (chosen != null) {
        if (levelSet) {
          throw new IllegalArgumentException(
              "a stream layer takes compressionLevel("
                  + compressionLevel
                  + ") or compression("
                  + chosen
                  + "), not both: give the level to the compression");
        }
        return chosen;
      }
      if (compressionLevel < Deflater.NO_COMPRESSION
          || compressionLevel > Deflater.BEST_COMPRESSION) {
        throw new IllegalArgumentException(
            "stream layer compression level must be between 0 and 9, got " + compressionLevel);
      }
      return LayerCompression.gzip(compressionLevel);
    }
  }
}
