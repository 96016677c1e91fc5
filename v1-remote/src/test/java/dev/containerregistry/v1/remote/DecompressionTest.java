package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
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

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  private static InputStream open(byte[] blob, byte[] served) throws IOException {
    InputStream verified =
        new VerifyingInputStream(
            new ByteArrayInputStream(served), Hash.sha256(blob), blob.length, "blob");
    return Decompression.uncompressed(verified, "layer");
  }

  @Test
  void inflatesGzip() throws IOException {
    byte[] blob = gzip(TAR);
    try (InputStream in = open(blob, blob)) {
      assertArrayEquals(TAR, in.readAllBytes());
    }
  }

  @Test
  void passesAnUncompressedTarThrough() throws IOException {
    try (InputStream in = open(TAR, TAR)) {
      assertArrayEquals(TAR, in.readAllBytes());
    }
  }

  @Test
  void passesATinyBlobThrough() throws IOException {
    byte[] tiny = {7};
    try (InputStream in = open(tiny, tiny)) {
      assertArrayEquals(tiny, in.readAllBytes());
    }
  }

  @Test
  void verifiesTheBlobWhenTheGzipStreamEndsBeforeTheBlob() throws IOException {
    byte[] blob = gzip(TAR);
    byte[] trailing = Arrays.copyOf(blob, blob.length + 5);
    try (InputStream in = open(trailing, blob)) {
      VerificationException e = assertThrows(VerificationException.class, in::readAllBytes);
      assertTrue(e.getMessage().contains("ended after"), e.getMessage());
    }
  }

  @Test
  void refusesZstdWithAClearMessage() {
    byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0};
    IOException e = assertThrows(IOException.class, () -> open(zstd, zstd));
    assertTrue(e.getMessage().startsWith("layer is zstd-compressed"), e.getMessage());
  }
}
