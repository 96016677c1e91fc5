package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.Hash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/** Reproducible inputs and the small helpers the stream tests share. */
final class TestData {

  private static final String[] WORDS = {
    "layer",
    "digest",
    "manifest",
    "sha256",
    "blob",
    "tar",
    "gzip",
    "config",
    "index",
    "the",
    "of",
    "and",
    "0x7f",
    "return",
    "{",
    "}",
    "public",
    "static",
    "void",
    "int",
    "\n"
  };

  private TestData() {}

  /** {@code length} bytes that alternate random runs and word-like text runs. */
  static byte[] mixed(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] data = new byte[length];
    int position = 0;
    while (position < length) {
      int run = Math.min(length - position, 1 + random.nextInt(20_000));
      if (random.nextBoolean()) {
        for (int i = 0; i < run; i++) {
          data[position + i] = (byte) random.nextInt(256);
        }
      } else {
        for (int i = 0; i < run; ) {
          String word = WORDS[random.nextInt(WORDS.length)] + " ";
          byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
          int n = Math.min(bytes.length, run - i);
          System.arraycopy(bytes, 0, data, position + i, n);
          i += n;
        }
      }
      position += run;
    }
    return data;
  }

  /** A layer over {@code input} with the given options. */
  static StreamLayer layer(byte[] input, int workers, int level, int blockSize) {
    return StreamLayer.builder(new ByteArrayInputStream(input))
        .parallelism(workers)
        .compressionLevel(level)
        .blockSize(blockSize)
        .build();
  }

  /** An input that gives {@code data}, then fails with an IOException saying {@code message}. */
  static InputStream failingAfter(byte[] data, String message) {
    InputStream failure =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException(message);
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw new IOException(message);
          }
        };
    return new SequenceInputStream(new ByteArrayInputStream(data), failure);
  }

  /** Everything {@code in} holds, read with a buffer of {@code bufferSize} bytes. */
  static byte[] readAll(InputStream in, int bufferSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[bufferSize];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The JDK's decompression of one gzip stream. */
  static byte[] gunzip(byte[] gzip) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  static Hash sha256(byte[] bytes) {
    return Hash.sha256(bytes);
  }
}
