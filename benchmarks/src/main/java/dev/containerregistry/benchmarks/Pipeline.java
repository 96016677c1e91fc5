package dev.containerregistry.benchmarks;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * One way to turn an uncompressed tar into gzip bytes with their hashes: the bare JDK pipeline (the
 * yardstick) or a {@link StreamLayer}. Both read their input with 64 KiB buffers.
 */
interface Pipeline {

  int BUFFER = 64 * 1024;

  /** A label for the report. */
  String label();

  /** Reads {@code input} to its end and returns the hashes and the output size. */
  Output run(InputStream input) throws IOException;

  /**
   * What a pipeline produced.
   *
   * @param diffId the sha256 of the input, as hex
   * @param digest the sha256 of the gzip output, as hex
   * @param size the number of gzip bytes
   */
  record Output(String diffId, String digest, long size) {}

  /** GZIPOutputStream at {@code level} into a hashing, counting sink; the input hashed as read. */
  static Pipeline bareGzip(int level) {
    return new Pipeline() {
      @Override
      public String label() {
        return "bare GZIPOutputStream+sha256, level " + level;
      }

      @Override
      public Output run(InputStream input) throws IOException {
        MessageDigest inputSha = Hash.newSha256();
        HashingSink sink = new HashingSink();
        byte[] buffer = new byte[BUFFER];
        try (GZIPOutputStream gzip = new LevelGzipOutputStream(sink, level)) {
          for (int n; (n = input.read(buffer)) >= 0; ) {
            inputSha.update(buffer, 0, n);
            gzip.write(buffer, 0, n);
          }
        }
        return new Output(hex(inputSha), hex(sink.sha256), sink.count);
      }
    };
  }

  /**
   * A StreamLayer at {@code level} with {@code workers} compressing threads, its compressed stream
   * read to the end {@code readBytes} at a time.
   */
  static Pipeline streamLayer(int level, int workers, int readBytes) {
    return new Pipeline() {
      @Override
      public String label() {
        return "StreamLayer, level "
            + level
            + (workers == 1 ? "" : ", " + workers + " workers")
            + (readBytes == BUFFER ? "" : ", " + readBytes / 1024 + " KiB reads");
      }

      @Override
      public Output run(InputStream input) throws IOException {
        StreamLayer layer =
            StreamLayer.builder(input).compressionLevel(level).parallelism(workers).build();
        byte[] buffer = new byte[readBytes];
        try (InputStream compressed = layer.compressed()) {
          while (compressed.read(buffer) >= 0) {
            // the bytes are only counted and hashed, by the layer itself
          }
        }
        return new Output(layer.diffId().hex(), layer.digest().hex(), layer.size());
      }
    };
  }

  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A GZIPOutputStream with a compression level and a 64 KiB deflate buffer. */
  final class LevelGzipOutputStream extends GZIPOutputStream {
    LevelGzipOutputStream(OutputStream out, int level) throws IOException {
      super(out, BUFFER);
      def.setLevel(level);
    }
  }

  /** An output that keeps only the sha256 and the count of what is written to it. */
  final class HashingSink extends OutputStream {
    private final MessageDigest sha256 = Hash.newSha256();
    private long count;

    @Override
    public void write(int b) {
      sha256.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      sha256.update(bytes, offset, length);
      count += length;
    }
  }
}
