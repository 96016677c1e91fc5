package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.ComputedOnRead;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.Deflater;

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
 * <p>By default the reader's own thread compresses, so no thread is started and nothing leaks if
 * the stream is never closed. With {@link Builder#parallelism(int)} above one, workers compress
 * blocks of the input that still form one gzip stream, with memory bounded by about one block of
 * input and output per worker; the workers stop when the stream ends or is closed.
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

  /** The default bytes of input per parallel block: 1 MiB. */
  public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

  private final InputStream input;
  private final StreamOptions options;
  private final StreamLifecycle lifecycle = new StreamLifecycle();

  private StreamLayer(InputStream input, StreamOptions options) {
    this.input = input;
    this.options = options;
  }

  /** A Docker gzip layer over {@code input}, compressed at the fastest level in one thread. */
  public static StreamLayer of(InputStream input) {
    return builder(input).build();
  }

  /** A builder for a layer over {@code input}, with every option at its default. */
  public static Builder builder(InputStream input) {
    return new Builder(input);
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
    if (options.parallelism() == 1) {
      return new SequentialGzipStream(hashed, options.compressionLevel(), lifecycle);
    }
    return new ParallelGzipStream(hashed, options, lifecycle);
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

  /** The media type given to the builder, {@link MediaType#DOCKER_LAYER} by default. */
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
    private MediaType mediaType = MediaType.DOCKER_LAYER;
    private int parallelism = 1;
    private int blockSize = DEFAULT_BLOCK_SIZE;

    private Builder(InputStream input) {
      this.input = Objects.requireNonNull(input, "input");
    }

    /** The gzip level, 0 (stored) to 9 (smallest); default 1, the fastest. */
    public Builder compressionLevel(int level) {
      this.compressionLevel = level;
      return this;
    }

    /** The media type of the layer, a gzip layer type; default {@link MediaType#DOCKER_LAYER}. */
    public Builder mediaType(MediaType mediaType) {
      this.mediaType = mediaType;
      return this;
    }

    /**
     * The number of compressing threads, 1 to 256; default 1, which compresses in the reader's
     * thread. More pays off at higher levels on a machine with idle cores.
     */
    public Builder parallelism(int workers) {
      this.parallelism = workers;
      return this;
    }

    /**
     * The bytes of input a worker compresses at a time, 1 byte to 64 MiB; default 1 MiB. Blocks
     * much smaller than 64 KiB cost compression ratio. Used only when parallelism is above 1.
     */
    public Builder blockSize(int bytes) {
      this.blockSize = bytes;
      return this;
    }

    /**
     * The layer.
     *
     * @throws IllegalArgumentException quoting the value, if an option is out of range
     */
    public StreamLayer build() {
      return new StreamLayer(
          input, new StreamOptions(compressionLevel, mediaType, parallelism, blockSize));
    }
  }
}
