package dev.containerregistry.v1.partial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifiedBlobsTest {

  private static final byte[] CONTENT = "the blob content".getBytes(StandardCharsets.UTF_8);
  private static final Hash DIGEST = Hash.sha256(CONTENT);

  /** The store's own failure type, to show that the factory's exception is what is thrown. */
  static final class MismatchException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Hash expected;

    MismatchException(Hash expected, String message) {
      super(message);
      this.expected = expected;
    }

    Hash expected() {
      return expected;
    }
  }

  private static InputStream verifying(byte[] served, long expectedSize) {
    return VerifiedBlobs.verify(
        new ByteArrayInputStream(served),
        DIGEST,
        expectedSize,
        "blob " + DIGEST + " of test/repo",
        MismatchException::new);
  }

  @ParameterizedTest(name = "expected size {0}")
  @CsvSource({"16", "-1"})
  void givesBackExactContentWhenSizeAndDigestMatch(long expectedSize) throws IOException {
    try (InputStream in = verifying(CONTENT, expectedSize)) {
      assertArrayEquals(CONTENT, in.readAllBytes());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void readsByteByByte() throws IOException {
    try (InputStream in = verifying(CONTENT, CONTENT.length)) {
      for (byte b : CONTENT) {
        assertEquals(b & 0xff, in.read());
      }
      assertEquals(-1, in.read());
    }
  }

  @Test
  void refusesBytesBeyondTheDeclaredSizeAsSoonAsTheyArrive() throws IOException {
    byte[] longer = Arrays.copyOf(CONTENT, CONTENT.length + 1);
    try (InputStream in = verifying(longer, CONTENT.length)) {
      byte[] firstPart = in.readNBytes(CONTENT.length - 1);
      assertEquals(CONTENT.length - 1, firstPart.length);
      MismatchException e = assertThrows(MismatchException.class, in::readAllBytes);
      assertTrue(e.getMessage().contains("longer than the 16 bytes"), e.getMessage());
      assertEquals(DIGEST, e.expected());
      assertThrows(MismatchException.class, in::read, "the failure is not forgotten");
    }
  }

  @Test
  void refusesAShortStreamInsteadOfEndOfStream() throws IOException {
    byte[] shorter = Arrays.copyOf(CONTENT, CONTENT.length - 3);
    try (InputStream in = verifying(shorter, CONTENT.length)) {
      assertArrayEquals(shorter, in.readNBytes(shorter.length));
      MismatchException e = assertThrows(MismatchException.class, in::read);
      assertEquals(
          "blob " + DIGEST + " of test/repo ended after 13 bytes, but its descriptor declares 16",
          e.getMessage());
    }
  }

  @ParameterizedTest(name = "expected size {0}")
  @CsvSource({"16", "-1"})
  void refusesContentWithAnotherDigestInsteadOfEndOfStream(long expectedSize) throws IOException {
    byte[] corrupt = CONTENT.clone();
    corrupt[3] ^= 1;
    try (InputStream in = verifying(corrupt, expectedSize)) {
      assertArrayEquals(corrupt, in.readNBytes(corrupt.length));
      MismatchException e = assertThrows(MismatchException.class, in::read);
      assertTrue(e.getMessage().contains("not the " + DIGEST + " expected"), e.getMessage());
      assertTrue(e.getMessage().contains(Hash.sha256(corrupt).toString()), e.getMessage());
      assertThrows(MismatchException.class, in::read, "the failure is not forgotten");
    }
  }

  @Test
  void skippedBytesAreStillVerified() throws IOException {
    byte[] corrupt = CONTENT.clone();
    corrupt[0] ^= 1;
    try (InputStream in = verifying(corrupt, CONTENT.length)) {
      assertEquals(4, in.skip(4));
      assertThrows(MismatchException.class, in::readAllBytes);
    }
  }

  @Test
  void transferToVerifiesToo() throws IOException {
    byte[] shorter = Arrays.copyOf(CONTENT, 2);
    try (InputStream in = verifying(shorter, CONTENT.length)) {
      assertThrows(MismatchException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
    }
  }

  @Test
  void theShortFormReportsAMismatchAsAPlainIOException() throws IOException {
    try (InputStream in =
        VerifiedBlobs.verify(new ByteArrayInputStream(new byte[] {1}), DIGEST, "blob x")) {
      IOException e = assertThrows(IOException.class, in::readAllBytes);
      assertEquals(IOException.class, e.getClass());
    }
  }
}
