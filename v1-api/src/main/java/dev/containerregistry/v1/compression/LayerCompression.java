package dev.containerregistry.v1.compression;

import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * One compression format of layer blobs, at one level: gzip is built in ({@link #gzip()}), other
 * formats come from modules on the class path, such as {@code dev.containerregistry:v1-zstd}.
 *
 * <p>For plugin authors: implement this in a public class with a public no-argument constructor
 * (the format at its default level) and list the class in {@code
 * META-INF/services/dev.containerregistry.v1.compression.LayerCompression}. {@link
 * LayerCompressions} then finds it by {@link #name()} when a layer's media type ends with {@code
 * +name}, and by {@link #magic()} when a blob is read. Instances are immutable and safe to share
 * among threads; each stream they return is used by one thread at a time.
 */
public interface LayerCompression {

  /** gzip at level 1, the fastest: the SDK's default for new layers. */
  static LayerCompression gzip() {
    return gzip(GzipCompression.DEFAULT_LEVEL);
  }

  /**
   * gzip at {@code level}, 0 (stored) to 9 (smallest).
   *
   * @throws IllegalArgumentException quoting the level when it is out of range
   */
  static LayerCompression gzip(int level) {
    return new GzipCompression(level);
  }

  /**
   * The format's name, lower case, as it ends an OCI layer media type after the {@code +}: {@code
   * "gzip"}, {@code "zstd"}.
   */
  String name();

  /** The level this instance compresses at, in the format's own scale. */
  int level();

  /** The OCI layer media type of a tar compressed in this format. */
  MediaType mediaType();

  /** The bytes every stream of this format begins with (its magic number); not empty. */
  byte[] magic();

  /**
   * The uncompressed bytes of {@code compressed}, decompressed as they are read. Closing the result
   * closes {@code compressed}.
   *
   * @throws IOException when the start of the stream cannot be read or is not of this format
   */
  InputStream decompress(InputStream compressed) throws IOException;

  /**
   * The compressed form of {@code uncompressed}, produced as it is read. With one worker the
   * reader's thread does all the work and no thread is started; with more a format may compress on
   * threads of its own (or ignore the request), which stop when the stream ends, fails or is
   * closed. The result is one valid stream of this format. Closing it closes {@code uncompressed}
   * and frees what the compressor holds.
   *
   * @param uncompressed the bytes to compress; this call takes it over
   * @param workers the compressing threads wanted, at least 1
   * @throws IOException when the compressor cannot be set up
   */
  InputStream compress(InputStream uncompressed, int workers) throws IOException;
}
