package dev.containerregistry.v1.partial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.containerregistry.v1.compression.UnsupportedCompressionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DecompressionTest {

  private static final byte[] TAR =
      "pretend this is a tar archive".repeat(100).getBytes(StandardCharsets.UTF_8);

  @Test
  void inflatesGzipAndPassesPlainBytesThrough() throws IOException {
    try (InputStream in = Decompression.uncompressed(new ByteArrayInputStream(gzip(TAR)), "l")) {
      assertArrayEquals(TAR, in.readAllBytes());
    }
    byte[] tiny = {7};
    try (InputStream in = Decompression.uncompressed(new ByteArrayInputStream(tiny), "l")) {
      assertArrayEquals(tiny, in.readAllBytes());
    }
  }

  @Test
  void readsTheBlobToItsEndWhenTheGzipStreamStopsEarly() throws IOException {
    byte[] blob = gzip(TAR);
    ByteArrayInputStream served = new ByteArrayInputStream(Arrays.copyOf(blob, blob.length + 700));

    try (InputStream in = Decompression.uncompressed(served, "layer")) {
      in.readAllBytes();
    }

    assertEquals(0, served.available());
  }

  @Test
  void refusesZstdWithoutTheZstdModuleNamingTheModule() {
    byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0};
    CountingClose blob = new CountingClose(zstd);

    UnsupportedCompressionException e =
        assertThrows(
            UnsupportedCompressionException.class,
            () -> Decompression.uncompressed(blob, "layer sha256:abc"));

    assertEquals(
        "layer sha256:abc is zstd-compressed, and no layer compression named 'zstd' is on the"
            + " class path: add the module dev.containerregistry:v1-zstd",
        e.getMessage());
    assertEquals(1, blob.closes);
  }

  private static final class CountingClose extends ByteArrayInputStream {
    int closes;

    CountingClose(byte[] bytes) {
      super(bytes);
    }

    @Override
    public void close() {
      closes++;
    }
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}
